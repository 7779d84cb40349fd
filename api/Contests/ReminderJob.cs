using LoyaltyBot.Core.Contests;
using Quartz;

namespace LoyaltyBot.Api.Contests;

/// <summary>Fires on a reminder's cron schedule or N days before the end: the standings to the audience, unless the reminder is stale.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ContestAnnouncements announcements, ILogger<ReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var contestId = context.MergedJobDataMap.GetString(ContestJobData.ContestId)!;
        var scheduledFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var result = await announcements.RemindAsync(contestId, scheduledFor, cancellationToken);
        logger.LogInformation("Contest {ContestId} reminder for {ScheduledFor:O}: {Outcome}, {Messages} messages", contestId, scheduledFor, result.Outcome, result.Messages);
    }
}
