using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Core.Rewards;

/// <summary>
/// The redemption rules in one place, so the chat's catalog and the redemption itself agree on what a member
/// may redeem. Tiers compare by their rank on the <see cref="TierLadder"/>.
/// </summary>
public sealed class RewardRules(TierLadder tiers)
{
    /// <summary>Redemptions that count against a per-member limit: those not refunded.</summary>
    public static bool Holds(RedemptionStatus status) => status is RedemptionStatus.Pending or RedemptionStatus.Fulfilled;

    /// <summary>
    /// The first rule the member fails, or null when they may redeem it. <paramref name="held"/> counts the member's
    /// pending or fulfilled redemptions of this reward.
    /// </summary>
    public RewardObstacle? ObstacleFor(Reward reward, string memberTier, decimal balance, int held, DateTimeOffset now)
    {
        if (!reward.IsActive)
        {
            return RewardObstacle.Inactive;
        }

        if (!reward.IsAvailableAt(now))
        {
            return RewardObstacle.NotAvailable;
        }

        if (reward.MinTier is { } minTier && tiers.RankOf(memberTier) < tiers.RankOf(minTier))
        {
            return RewardObstacle.TierTooLow;
        }

        if (reward.PerMemberLimit is { } limit && held >= limit)
        {
            return RewardObstacle.LimitReached;
        }

        if (reward.Stock is <= 0)
        {
            return RewardObstacle.OutOfStock;
        }

        return balance < reward.CostPoints ? RewardObstacle.InsufficientPoints : null;
    }
}
