using LoyaltyBot.Core.Contests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Contests;

/// <summary>
/// Loads the standings of the running contests into the <see cref="LeaderboardCache"/> in the background when the
/// host starts, so the first <c>/top</c> after a restart does not pay for reading and sorting every score.
/// </summary>
public sealed class LeaderboardWarmup(ContestQueries contests, ContestLeaderboards leaderboards, TimeProvider time, ILogger<LeaderboardWarmup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var contest in contests.All().Where(c => c.IsLiveAt(now)))
            {
                stoppingToken.ThrowIfCancellationRequested();
                leaderboards.Of(contest);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Only a head start: /top loads the standings itself if this could not.
            logger.LogWarning(exception, "Could not warm up the contest leaderboards");
        }
    }, stoppingToken);
}
