using LoyaltyBot.Core.Spiffs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Spiffs;

/// <summary>
/// Every <see cref="SpiffOptions.PollSeconds"/> (on the injected clock) tells eligible members about SPIFFs that
/// started. The step is idempotent and the store is the source of truth, so a restart simply catches up.
/// </summary>
public sealed class SpiffClock(SpiffAnnouncements announcements, SpiffOptions options, TimeProvider time, ILogger<SpiffClock> logger) : BackgroundService
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
                await announcements.AnnounceDueAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The SPIFF clock failed; trying again at the next tick");
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
