using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Spiffs;

internal sealed class SpiffsSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Spiff>("spiffs")
        .Index<Spiff, bool>(s => s.IsActive);
}
