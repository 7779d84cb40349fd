using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Tiers;

internal sealed class TiersSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema.Collection<TierYear>("tier_years");
}
