namespace LoyaltyBot.Core.Storage;

/// <summary>A feature's collections and indexes. Each feature registers its own.</summary>
public interface IStoreSchema
{
    void Configure(StoreSchemaBuilder schema);
}
