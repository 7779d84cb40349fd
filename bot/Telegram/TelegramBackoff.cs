using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>Exponential backoff for talking to the Bot API: 1, 2, 4 … seconds, capped at 30.</summary>
internal static class TelegramBackoff
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    public static TimeSpan After(int failures) =>
        TimeSpan.FromSeconds(Math.Min(Cap.TotalSeconds, Math.Pow(2, Math.Clamp(failures - 1, 0, 10))));

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds or the host stops. Network errors, 5xx and 429 are retried;
    /// any other refusal (a bad token, a bad webhook URL) will not heal by itself, so it is logged as an error once.
    /// </summary>
    public static async Task RetryAsync(Func<CancellationToken, Task> action, string what, ILogger logger, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await action(stoppingToken);
                return;
            }
            catch (ApiRequestException exception) when (exception.ErrorCode is >= 400 and < 500 and not 429)
            {
                logger.LogError("{What} was refused ({Reason}); check the Telegram settings", what, TelegramErrors.Describe(exception));
                return;
            }
            catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception) && !stoppingToken.IsCancellationRequested)
            {
                var delay = After(failures);
                logger.LogWarning("{What} failed ({Reason}); retrying in {Delay} s", what, TelegramErrors.Describe(exception), delay.TotalSeconds);
                // Real time on purpose: this waits for a remote service, not for anything on the program's clock.
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
