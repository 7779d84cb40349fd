using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

internal sealed class LedgerSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema)
    {
        schema
            .Collection<LedgerEntry>("ledger")
            .Index<LedgerEntry, string>(e => e.IdempotencyKey, unique: true)
            .Collection<LedgerBucket>("ledger_buckets", keptByWriter: true);

        // A file from before buckets found a member's entries through this index.
        if (schema.HasIndex<LedgerEntry>(LedgerBucketUpgrade.OldIndex))
        {
            schema.Upgrade(LedgerBucketUpgrade.Run);
        }
    }
}
