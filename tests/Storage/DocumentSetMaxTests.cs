using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Storage;

public sealed class DocumentSetMaxTests
{
    [Fact]
    public void Max_of_an_empty_collection_is_zero()
    {
        using var core = new CoreHarness();

        Assert.Equal(0, core.Store.Set<LedgerEntry>().Max(e => e.Id));
    }

    [Fact]
    public async Task Max_is_the_largest_value_whatever_the_insert_order()
    {
        using var core = new CoreHarness();
        await core.Writer.WriteAsync(store =>
        {
            var entries = store.Set<LedgerEntry>();
            foreach (var id in new long[] { 7, 42, 3, 19 })
            {
                entries.Insert(Entry(id));
            }

            return true;
        });

        Assert.Equal(42, core.Store.Set<LedgerEntry>().Max(e => e.Id));
        Assert.Equal(42, core.Store.Set<LedgerEntry>().Max(e => (long)e.Amount));
    }

    private static LedgerEntry Entry(long id) => new()
    {
        Id = id,
        MemberId = "m",
        Amount = id,
        Reason = "test",
        SourceRef = $"test:{id}",
        IdempotencyKey = $"test:{id}",
        Actor = "system",
    };
}
