using LoyaltyBot.Bot.Clocks;
using LoyaltyBot.Core.Spiffs;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Spiffs;

/// <summary>Every <see cref="SpiffOptions.PollSeconds"/> (on the injected clock) tells eligible members about SPIFFs that started.</summary>
public sealed class SpiffClock(SpiffAnnouncements announcements, SpiffOptions options, TimeProvider time, ILogger<SpiffClock> logger)
    : PollingClock(time, logger, "SPIFF", options.PollSeconds)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => announcements.AnnounceDueAsync(cancellationToken);
}
