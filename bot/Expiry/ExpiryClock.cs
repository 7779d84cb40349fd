using LoyaltyBot.Bot.Clocks;
using LoyaltyBot.Core.Expiry;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Expiry;

/// <summary>
/// Every <see cref="ExpiryOptions.PollSeconds"/> (on the injected clock) writes off expired points and warns members
/// whose points expire soon; off while <c>Expiry:Mode</c> is <c>never</c>.
/// </summary>
public sealed class ExpiryClock(PointsExpiry expiry, ExpiryOptions options, TimeProvider time, ILogger<ExpiryClock> logger)
    : PollingClock(time, logger, "expiry", options.Mode == ExpiryMode.Never ? 0 : options.PollSeconds)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => expiry.RunAsync(cancellationToken);
}
