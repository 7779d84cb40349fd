using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Api.Contests;

/// <summary>
/// Rebuilds every contest's triggers from the store when the host starts (Quartz keeps them in memory only), by the
/// rule of <see cref="QuartzContestSchedule"/>: missed starts and ends run once now, stale reminders are skipped.
/// </summary>
internal sealed class ContestScheduleStartup(ContestQueries contests, IContestSchedule schedule, ILogger<ContestScheduleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var open = contests.All().Where(c => c.CancelledAt is null && c.FinishedAt is null).ToArray();
        foreach (var contest in open)
        {
            await schedule.ScheduleAsync(contest, cancellationToken);
        }

        if (open.Length > 0)
        {
            logger.LogInformation("Scheduled {Count} open contests from the store", open.Length);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
