using LoyaltyBot.Core.Quizzes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>
/// Looks every <see cref="QuizOptions.PollSeconds"/> (on the injected clock) for quizzes that opened or closed. Both steps
/// are idempotent and the store is the source of truth, so a restart simply catches up. (Quartz arrives with contests.)
/// </summary>
public sealed class QuizClock(QuizAnnouncer announcer, QuizOptions options, TimeProvider time, ILogger<QuizClock> logger) : BackgroundService
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
                await announcer.AnnounceDueAsync(stoppingToken);
                await announcer.SettleClosedAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The quiz clock failed; trying again at the next tick");
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
