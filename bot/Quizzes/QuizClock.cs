using LoyaltyBot.Bot.Clocks;
using LoyaltyBot.Core.Quizzes;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>Looks every <see cref="QuizOptions.PollSeconds"/> (on the injected clock) for quizzes that opened or closed.</summary>
public sealed class QuizClock(QuizAnnouncer announcer, QuizOptions options, TimeProvider time, ILogger<QuizClock> logger)
    : PollingClock(time, logger, "quiz", options.PollSeconds)
{
    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        await announcer.AnnounceDueAsync(cancellationToken);
        await announcer.SettleClosedAsync(cancellationToken);
    }
}
