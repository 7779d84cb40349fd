namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The clock that runs a contest's announcements and its finish (Quartz.NET in the API host). The store stays the
/// source of truth: the schedule is derived from the contest and can be rebuilt from it at any time.
/// </summary>
public interface IContestSchedule
{
    /// <summary>(Re)builds every trigger of the contest from its current state; a cancelled or finished one gets none.</summary>
    Task ScheduleAsync(Contest contest, CancellationToken cancellationToken);

    Task UnscheduleAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Why a reminder's cron expression cannot be used in <paramref name="zone"/>, or null when it can.</summary>
    string? CheckCron(string expression, TimeZoneInfo zone);
}
