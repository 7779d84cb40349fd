using LoyaltyBot.Core.Broadcasts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Broadcasts;

/// <summary>
/// Runs <see cref="BroadcastDispatch.RunDueAsync"/> every <see cref="BroadcastOptions.PollSeconds"/> (on the injected clock),
/// and at once when a campaign was created. The step is idempotent and the store is the source of truth, so a restart
/// simply resumes. (A small poller rather than Quartz: Quartz arrives with contests; this can become a job then.)
/// </summary>
public sealed class BroadcastClock : BackgroundService
{
    private readonly BroadcastDispatch _dispatch;
    private readonly BroadcastOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BroadcastClock> _logger;
    private readonly SemaphoreSlim _wake = new(0);

    public BroadcastClock(BroadcastDispatch dispatch, BroadcastCampaigns campaigns, BroadcastOptions options, TimeProvider time, ILogger<BroadcastClock> logger)
    {
        _dispatch = dispatch;
        _options = options;
        _time = time;
        _logger = logger;
        campaigns.Created += Wake;
    }

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.PollSeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(_options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _dispatch.RunDueAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "The broadcast clock failed; trying again at the next tick");
            }

            using var tick = new CancellationTokenSource(interval, _time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, tick.Token);
            try
            {
                await _wake.WaitAsync(either.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the interval passed
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
