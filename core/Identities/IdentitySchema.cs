using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Identities;

internal sealed class IdentitySchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<ChatIdentity>("chat_identities", keptByWriter: true)
        .Index<ChatIdentity, string?>(i => i.MemberId);
}
