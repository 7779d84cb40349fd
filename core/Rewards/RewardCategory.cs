namespace LoyaltyBot.Core.Rewards;

/// <summary>What kind of reward it is; shown in chat and used to filter the catalog.</summary>
public enum RewardCategory
{
    Discount,
    Goods,
    GiftCertificate,
    Training,
    Event,
    Vip,
}
