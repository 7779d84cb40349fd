namespace LoyaltyBot.Core.Ledger;

/// <summary>Why points moved. Features add their own kinds here.</summary>
public enum LedgerEntryKind
{
    SaleAccrual,
    ReferralBonus,
    QuizReward,
    ContestPrize,
    ManualAdjustment,
    Redemption,
    Refund,
    Expiry,
    Achievement,
    Spiff,
}
