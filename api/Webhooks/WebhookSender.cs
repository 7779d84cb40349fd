using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Api.Webhooks;

/// <summary>
/// Runs the <see cref="WebhookDispatcher"/> every <see cref="WebhookOptions.PollSeconds"/> (on the injected clock), or
/// sooner when an event was written. Failures are logged and retried by the dispatcher's backoff; nothing here
/// ever waits on the change that caused an event.
/// </summary>
public sealed class WebhookSender(WebhookDispatcher dispatcher, WebhookOutbox outbox, WebhookOptions options, TimeProvider time, ILogger<WebhookSender> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollSeconds <= 0)
        {
            return;
        }

        outbox.Emitted += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await dispatcher.DeliverDueAsync(stoppingToken);
                }
                catch (Exception) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Webhook delivery failed; trying again at the next tick");
                }

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), time, tick.Token);
                await Task.WhenAny(delay, _signal.WaitAsync(tick.Token));
                await tick.CancelAsync();
            }
        }
        finally
        {
            outbox.Emitted -= Wake;
        }
    }

    private void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
