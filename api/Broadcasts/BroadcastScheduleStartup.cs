using LoyaltyBot.Core.Broadcasts;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>
/// Rebuilds the job of every scheduled or sending campaign from the store when the host starts (Quartz keeps jobs in
/// memory only): a campaign whose time came while the app was down starts now, an interrupted one resumes now.
/// </summary>
internal sealed class BroadcastScheduleStartup(BroadcastQueries broadcasts, IBroadcastSchedule schedule, ILogger<BroadcastScheduleStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var open = broadcasts.Open();
        foreach (var broadcast in open)
        {
            await schedule.ScheduleAsync(broadcast, cancellationToken);
        }

        if (open.Count > 0)
        {
            logger.LogInformation("Scheduled {Count} open broadcasts from the store", open.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
