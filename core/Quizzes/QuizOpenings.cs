using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// What happens when a quiz's time comes: on opening its audience is told, once; on closing the attempts still
/// open are ended with the answers given, paid, and their members told the result. Both are idempotent, so a
/// clock may call them as often as it likes.
/// </summary>
public sealed class QuizOpenings(
    IStoreWriter writer, IDocumentStore store, DeliveryOutbox outbox, QuizAttempts attempts, MemberQueries members, TimeProvider time)
{
    /// <summary>The ledger actor for points paid when a quiz closes.</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// For each open quiz not announced yet: queues <paramref name="compose"/>'s message for every active member of
    /// its audience who has not started it (dedup key <c>quiz-open:{id}</c>) and marks it announced, in one
    /// transaction. Returns how many quizzes were announced.
    /// </summary>
    public async Task<int> AnnounceDueAsync(Func<Quiz, Texts, ChatMessage> compose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var announced = 0;
        foreach (var quiz in store.Set<Quiz>().All().Where(q => q.AnnouncedAt is null && q.IsOpenAt(now)).ToArray())
        {
            if (await writer.WriteAsync(s => Announce(s, quiz.Id, compose), cancellationToken))
            {
                announced++;
            }
        }

        return announced;
    }

    /// <summary>
    /// For each closed quiz not settled yet: ends its unfinished attempts (<see cref="AttemptEnd.Closed"/>), pays them,
    /// queues <paramref name="compose"/>'s result message to each member and marks the quiz settled, in one transaction.
    /// Returns how many attempts were ended.
    /// </summary>
    public async Task<int> SettleClosedAsync(Func<QuizStep.Finished, Texts, ChatMessage> compose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ended = 0;
        foreach (var quiz in store.Set<Quiz>().All().Where(q => q.SettledAt is null && q.StatusAt(now) == QuizStatus.Closed).ToArray())
        {
            ended += await writer.WriteAsync(s => Settle(s, quiz.Id, compose), cancellationToken);
        }

        return ended;
    }

    private bool Announce(IDocumentStore s, string quizId, Func<Quiz, Texts, ChatMessage> compose)
    {
        var quizzes = s.Set<Quiz>();
        var quiz = quizzes.Get(quizId);
        var now = time.GetUtcNow();
        if (quiz is null || quiz.AnnouncedAt is not null || !quiz.IsOpenAt(now))
        {
            return false;
        }

        var started = s.Set<QuizAttempt>().Find(a => a.QuizId == quizId).Select(a => a.MemberId).ToHashSet(StringComparer.Ordinal);
        foreach (var member in s.Set<Member>().All().ToArray())
        {
            if (member.Status == MemberStatus.Active
                && !started.Contains(member.Id)
                && quiz.Audience.Includes(members.Profile(member).Tier, member.Region))
            {
                outbox.EnqueueForMember(s, member.Id, texts => compose(quiz, texts), $"quiz-open:{quiz.Id}", $"quiz:{quiz.Id}");
            }
        }

        quizzes.Update(quiz with { AnnouncedAt = now });
        return true;
    }

    private int Settle(IDocumentStore s, string quizId, Func<QuizStep.Finished, Texts, ChatMessage> compose)
    {
        var quizzes = s.Set<Quiz>();
        var quiz = quizzes.Get(quizId);
        var now = time.GetUtcNow();
        if (quiz is null || quiz.SettledAt is not null || quiz.StatusAt(now) != QuizStatus.Closed)
        {
            return 0;
        }

        var open = s.Set<QuizAttempt>().Find(a => a.QuizId == quizId).Where(a => !a.IsFinished).ToArray();
        foreach (var attempt in open)
        {
            var result = attempts.Finish(s, quiz, attempt, AttemptEnd.Closed, SystemActor);
            outbox.EnqueueForMember(s, attempt.MemberId, texts => compose(result, texts), $"quiz-result:{quiz.Id}:{attempt.MemberId}", $"quiz:{quiz.Id}");
        }

        quizzes.Update(quiz with { SettledAt = now });
        return open.Length;
    }
}
