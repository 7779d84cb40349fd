using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// Lets a feature (contests) react to quiz points inside the transaction that pays them. Called once per attempt,
/// when its reward is first appended to the ledger.
/// </summary>
public interface IQuizRewardObserver
{
    void OnQuizRewarded(IDocumentStore store, Quiz quiz, LedgerEntry reward);
}
