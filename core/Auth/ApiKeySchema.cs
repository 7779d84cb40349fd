using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Auth;

internal sealed class ApiKeySchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema.Collection<ApiKey>("api_keys");
}
