namespace LoyaltyBot.Core.Rewards;

/// <summary>A reward as one member sees it: redeemable, or the first reason why not.</summary>
public sealed record RewardOffer(Reward Reward, RewardObstacle? Obstacle, decimal Balance)
{
    public bool IsRedeemable => Obstacle is null;

    /// <summary>Points still missing (0 when the balance covers the cost).</summary>
    public decimal Shortfall => Math.Max(0, Reward.CostPoints - Balance);
}
