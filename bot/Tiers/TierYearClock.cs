using LoyaltyBot.Core.Tiers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Tiers;

/// <summary>
/// Every <see cref="TierYearOptions.PollSeconds"/> (on the injected clock) runs <see cref="TierYearStart"/>, which does
/// nothing until a new program year begins. The first look is one interval after the start, so a restart never
/// competes with the traffic it comes back to; until then reads already show the tier of this year's units.
/// </summary>
public sealed class TierYearClock(TierYearStart yearStart, TierYearOptions options, TimeProvider time, ILogger<TierYearClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollSeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                var moved = await yearStart.RunAsync(stoppingToken);
                if (moved > 0)
                {
                    logger.LogInformation("A new program year began: {Count} members moved to the tier of their units this year", moved);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The tier year clock failed; trying again at the next tick");
            }
        }
    }
}
