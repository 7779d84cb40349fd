using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

internal sealed class LedgerSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<LedgerEntry>("ledger")
        .Index<LedgerEntry, string>(e => e.IdempotencyKey, unique: true)
        .Index<LedgerEntry, string>(e => e.MemberId);
}
