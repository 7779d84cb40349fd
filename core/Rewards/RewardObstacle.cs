namespace LoyaltyBot.Core.Rewards;

/// <summary>Why a member cannot redeem a reward right now, in the order the rules are checked.</summary>
public enum RewardObstacle
{
    /// <summary>Deactivated (or gone).</summary>
    Inactive,

    /// <summary>Outside its available-from/to dates.</summary>
    NotAvailable,

    TierTooLow,

    LimitReached,

    OutOfStock,

    InsufficientPoints,
}
