using LoyaltyBot.Bot.Clocks;
using LoyaltyBot.Core.Tiers;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Tiers;

/// <summary>
/// Every <see cref="TierYearOptions.PollSeconds"/> (on the injected clock) runs <see cref="TierYearStart"/>, which does
/// nothing until a new program year begins. The first look is one interval after the start, so a restart never
/// competes with the traffic it comes back to; until then reads already show the tier of this year's units.
/// </summary>
public sealed class TierYearClock(TierYearStart yearStart, TierYearOptions options, TimeProvider time, ILogger<TierYearClock> logger)
    : PollingClock(time, logger, "tier year", options.PollSeconds, firstTickAfterInterval: true)
{
    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var moved = await yearStart.RunAsync(cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("A new program year began: {Count} members moved to the tier of their units this year", moved);
        }
    }
}
