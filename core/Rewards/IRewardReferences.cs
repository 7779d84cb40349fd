using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

/// <summary>
/// Lets a feature that names catalog rewards (contest prizes) keep one from being deleted while it still needs it.
/// Asked inside the delete's write transaction, so nothing can start needing the reward between the check and the delete.
/// </summary>
public interface IRewardReferences
{
    /// <param name="store">The delete's write transaction.</param>
    /// <param name="rewardId">The reward about to be deleted.</param>
    /// <returns>What still needs the reward, each worded for a manager (<c>contest 'id' «title» names it as a prize</c>); empty when nothing does.</returns>
    IReadOnlyList<string> HoldersOf(IDocumentStore store, string rewardId);
}
