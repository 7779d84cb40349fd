using LoyaltyBot.Core.Contests;
using Quartz;

namespace LoyaltyBot.Api.Contests;

/// <summary>Fires at the contest's start (or at startup when the start was missed): tells the audience, once.</summary>
[DisallowConcurrentExecution]
public sealed class StartAnnouncementJob(ContestAnnouncements announcements, ILogger<StartAnnouncementJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var contestId = context.MergedJobDataMap.GetString(ContestJobData.ContestId)!;
        var result = await announcements.AnnounceStartAsync(contestId, cancellationToken);
        logger.LogInformation("Contest {ContestId} start announcement: {Outcome}, {Messages} messages", contestId, result.Outcome, result.Messages);
    }
}
