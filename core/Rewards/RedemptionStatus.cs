namespace LoyaltyBot.Core.Rewards;

/// <summary>Where a redemption stands. Only <see cref="Pending"/> can change; the others are final.</summary>
public enum RedemptionStatus
{
    /// <summary>Points debited and a unit of stock taken; waiting for a manager.</summary>
    Pending,

    /// <summary>A manager handed the reward over (maybe with a voucher code).</summary>
    Fulfilled,

    /// <summary>A manager refused it; points and stock were returned.</summary>
    Rejected,

    /// <summary>The member withdrew it while pending; points and stock were returned.</summary>
    Cancelled,
}
