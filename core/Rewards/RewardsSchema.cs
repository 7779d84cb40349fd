using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

internal sealed class RewardsSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Reward>("rewards")
        .Collection<RewardImage>("reward_images")
        .Collection<Redemption>("redemptions")
        .Index<Redemption, string>(r => r.RequestKey, unique: true)
        .Index<Redemption, string>(r => r.MemberId)
        .Index<Redemption, string>(r => r.RewardId)
        .Index<Redemption, RedemptionStatus>(r => r.Status);
}
