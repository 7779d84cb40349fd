using LoyaltyBot.Core.Expiry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Expiry;

/// <summary>
/// Every <see cref="ExpiryOptions.PollSeconds"/> (on the injected clock) writes off expired points and warns members
/// whose points expire soon. The step is idempotent and the store is the source of truth, so a restart simply catches up.
/// </summary>
public sealed class ExpiryClock(PointsExpiry expiry, ExpiryOptions options, TimeProvider time, ILogger<ExpiryClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollSeconds <= 0 || options.Mode == ExpiryMode.Never)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await expiry.RunAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The expiry clock failed; trying again at the next tick");
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
