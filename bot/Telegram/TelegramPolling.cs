using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// Polling mode (<c>Telegram:Mode=polling</c>): removes any webhook, then long-polls getUpdates and hands each
/// update to a <see cref="TelegramUpdateDispatcher"/> in its own DI scope. Network errors never end the loop:
/// it backs off exponentially up to 30 s. The offset moves past an update only after it was handled, and the
/// dispatcher's update log makes a re-read after a restart harmless.
/// </summary>
public sealed class TelegramPolling(TelegramBot bot, IServiceScopeFactory scopes, ILogger<TelegramPolling> logger) : BackgroundService
{
    /// <summary>Seconds Telegram holds a getUpdates call open when there is nothing to deliver.</summary>
    public const int LongPollSeconds = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!bot.IsEnabled || bot.Options.EffectiveMode != TelegramMode.Polling)
        {
            return;
        }

        var client = bot.Client;
        await TelegramBackoff.RetryAsync(ct => client.DeleteWebhook(cancellationToken: ct), "deleteWebhook", logger, stoppingToken);
        logger.LogInformation("Polling Telegram for updates");

        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, timeout: LongPollSeconds, allowedUpdates: TelegramUpdateDispatcher.AllowedUpdates, cancellationToken: stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception))
            {
                var delay = TelegramBackoff.After(++failures);
                logger.LogWarning("getUpdates failed ({Reason}); retrying in {Delay} s", TelegramErrors.Describe(exception), delay.TotalSeconds);
                // Real time on purpose: this waits for a remote service, not for anything on the program's clock.
                await Task.Delay(delay, stoppingToken);
                continue;
            }

            foreach (var update in updates)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TelegramUpdateDispatcher>().HandleAsync(update, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The dispatcher logs its own failures; this is a broken setup (a missing service). Move on, never loop on one update.
                    logger.LogError(exception, "Telegram update {UpdateId} could not be dispatched", update.Id);
                }

                offset = update.Id + 1;
            }
        }
    }
}
