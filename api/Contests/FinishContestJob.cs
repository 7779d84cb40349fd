using LoyaltyBot.Core.Contests;
using Quartz;

namespace LoyaltyBot.Api.Contests;

/// <summary>Fires at the contest's end (or at startup when the end was missed or the finish interrupted): freezes, awards, announces.</summary>
[DisallowConcurrentExecution]
public sealed class FinishContestJob(ContestFinishing finishing, ILogger<FinishContestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var contestId = context.MergedJobDataMap.GetString(ContestJobData.ContestId)!;
        var result = await finishing.FinishAsync(contestId, cancellationToken);
        logger.LogInformation("Contest {ContestId} finish: {Outcome}, {Awarded} prizes, {Messages} messages", contestId, result.Outcome, result.Awarded, result.Messages);
    }
}
