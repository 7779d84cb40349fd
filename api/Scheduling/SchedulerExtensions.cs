using Quartz;

namespace LoyaltyBot.Api.Scheduling;

public static class SchedulerExtensions
{
    /// <summary>
    /// Removes a job's triggers, and with them the job (ours are not durable), then the job if it is still there. Not
    /// plain <c>DeleteJob</c>: when a trigger completes at that moment (a one-shot that fired, a job removing itself) the
    /// scheduler removes it too, and <c>DeleteJob</c> then throws "Unable to unschedule trigger … while deleting job"
    /// (quartznet/quartznet#322), while <c>UnscheduleJobs</c> takes an already removed trigger in its stride.
    /// </summary>
    public static async Task RemoveJobAsync(this IScheduler scheduler, JobKey key, CancellationToken cancellationToken)
    {
        var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
        await scheduler.UnscheduleJobs(triggers.Select(t => t.Key).ToArray(), cancellationToken);
        if (await scheduler.Exists(key, cancellationToken))
        {
            await scheduler.DeleteJob(key, cancellationToken);
        }
    }
}
