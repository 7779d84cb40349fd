using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Api.Scheduling;
using Quartz;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>
/// Fires at the campaign's send time (or at once after a restart), then every few seconds while it is sending: starts it,
/// queues its audience, reports progress, finishes it. Once the campaign is finished or cancelled the job removes itself.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendBroadcastJob(BroadcastDispatch dispatch, ILogger<SendBroadcastJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var broadcastId = context.MergedJobDataMap.GetString(BroadcastJobData.BroadcastId)!;
        var status = await dispatch.RunAsync(broadcastId, cancellationToken);
        if (status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending))
        {
            await context.Scheduler.RemoveJobAsync(context.JobDetail.Key, cancellationToken);
            logger.LogInformation("Broadcast {BroadcastId} is {Status}; its job is removed", broadcastId, status?.ToString() ?? "gone");
        }
    }
}
