using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Outbox;

internal sealed class OutboxSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<OutboxMessage>("outbox")
        .Index<OutboxMessage, string>(m => m.DedupKey, unique: true)
        .Index<OutboxMessage, OutboxStatus>(m => m.Status)
        .Index<OutboxMessage, string?>(m => m.Topic);
}
