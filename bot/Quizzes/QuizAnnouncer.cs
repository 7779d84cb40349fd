using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>The quiz clock's two steps with the chat's messages; public so tests (and operators' tools) can run them directly.</summary>
public sealed class QuizAnnouncer(QuizOpenings openings, QuizMessages messages)
{
    /// <summary>Tells the audience of every quiz that has opened and was not announced yet, through the outbox. Returns the quizzes announced.</summary>
    public Task<int> AnnounceDueAsync(CancellationToken cancellationToken) =>
        openings.AnnounceDueAsync(messages.Announcement, cancellationToken);

    /// <summary>Ends and pays the attempts that closed quizzes interrupted, telling each member. Returns the attempts ended.</summary>
    public Task<int> SettleClosedAsync(CancellationToken cancellationToken) =>
        openings.SettleClosedAsync(messages.Settled, cancellationToken);
}
