namespace LoyaltyBot.Core.Contests;

/// <summary>
/// For hosts without a scheduler (the terminal chat, the benchmark): nothing fires by itself; the use cases can
/// still be called directly. Cron expressions are only checked for their shape.
/// </summary>
internal sealed class NoContestSchedule : IContestSchedule
{
    public Task ScheduleAsync(Contest contest, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnscheduleAsync(string contestId, CancellationToken cancellationToken) => Task.CompletedTask;

    public string? CheckCron(string expression, TimeZoneInfo zone) =>
        expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 6 or 7 ? null : "a cron expression has 6 or 7 fields.";
}
