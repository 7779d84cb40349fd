using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>Quiz points count in quiz-points contests, in the transaction that pays them, once per quiz and member.</summary>
internal sealed class ContestQuizObserver(ContestScores scores) : IQuizRewardObserver
{
    public void OnQuizRewarded(IDocumentStore store, Quiz quiz, LedgerEntry reward) =>
        scores.Add(store, reward.MemberId, ContestMetric.QuizPoints, reward.Amount, reward.At, reward.IdempotencyKey);
}
