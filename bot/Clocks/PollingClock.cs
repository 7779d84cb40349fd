using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Clocks;

/// <summary>
/// Runs a scheduled step every <c>pollSeconds</c> on the injected clock (0 or less: never, so tests call the step
/// themselves). Every step is idempotent and the store is the source of truth, so a restart simply catches up; a step
/// that fails is logged and tried again at the next tick.
/// </summary>
/// <param name="name">What the log calls this clock ("quiz", "SPIFF", …).</param>
/// <param name="firstTickAfterInterval">Wait one interval before the first step instead of running it at start.</param>
public abstract class PollingClock(TimeProvider time, ILogger logger, string name, int pollSeconds, bool firstTickAfterInterval = false)
    : BackgroundService
{
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (pollSeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(pollSeconds);
        var wait = firstTickAfterInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (wait)
                {
                    await Task.Delay(interval, time, stoppingToken);
                }

                wait = true;
                await TickAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The {Clock} clock failed; trying again at the next tick", name);
            }
        }
    }
}
