using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The catalog rewards that contest prizes refer to: whether one exists (an author may name any reward of the catalog,
/// active or not: a prize-only reward is typically hidden from the shop), and its name in a reader's language.
/// </summary>
public sealed class PrizeRewards(IDocumentStore store)
{
    public bool Exists(string rewardId) => store.Set<Reward>().Get(rewardId) is not null;

    /// <summary>The reward's name in <paramref name="language"/> (Russian when not translated); the id if the catalog lost it.</summary>
    public string NameOf(string rewardId, string language) => store.Set<Reward>().Get(rewardId)?.Name.In(language) ?? rewardId;
}
