using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Broadcasts;

internal sealed class BroadcastSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Broadcast>("broadcasts")
        .Index<Broadcast, BroadcastStatus>(b => b.Status);
}
