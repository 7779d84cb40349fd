using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

/// <summary>Reads the catalog, for managers (everything, filtered) and for members (what they can see and why not).</summary>
public sealed class RewardQueries(IDocumentStore store, RewardRules rules, TierLadder tiers, MemberQueries members)
{
    public Reward? Get(string id) => store.Set<Reward>().Get(id);

    public RewardImage? Image(string id) => store.Set<RewardImage>().Get(id);

    /// <summary>Oldest first. The catalog is small, so filters run in memory (tiers compare by rank).</summary>
    public RewardPage List(RewardFilter filter, int page, int pageSize)
    {
        var tierRank = filter.Tier is null ? (int?)null : tiers.RankOf(filter.Tier);
        var matching = store.Set<Reward>().FindOrdered(null, r => r.Id, descending: false)
            .Where(r => filter.Active is null || r.IsActive == filter.Active)
            .Where(r => filter.Category is null || r.Category == filter.Category)
            .Where(r => tierRank is null || r.MinTier is null || tiers.RankOf(r.MinTier) <= tierRank)
            .ToList();
        return new RewardPage(matching.Skip((page - 1) * pageSize).Take(pageSize).ToArray(), page, pageSize, matching.Count);
    }

    /// <summary>
    /// The active rewards within their dates, each with the first reason the member cannot redeem it;
    /// redeemable ones first, then by cost.
    /// </summary>
    public IReadOnlyList<RewardOffer> OffersFor(Member member, DateTimeOffset now)
    {
        var tier = members.Profile(member).Tier;
        var held = store.Set<Redemption>().Find(r => r.MemberId == member.Id)
            .Where(r => RewardRules.Holds(r.Status))
            .GroupBy(r => r.RewardId)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return store.Set<Reward>().Find(r => r.IsActive)
            .Where(r => r.IsAvailableAt(now))
            .Select(r => new RewardOffer(r, rules.ObstacleFor(r, tier, member.Balance, held.GetValueOrDefault(r.Id), now), member.Balance))
            .OrderBy(o => o.IsRedeemable ? 0 : 1)
            .ThenBy(o => o.Reward.CostPoints)
            .ThenBy(o => o.Reward.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>One reward as the member sees it, or null when it is not in their catalog (inactive, outside its dates, unknown).</summary>
    public RewardOffer? OfferFor(Member member, string rewardId, DateTimeOffset now) =>
        OffersFor(member, now).FirstOrDefault(o => o.Reward.Id == rewardId);
}
