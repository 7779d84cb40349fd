using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Storage;

public sealed class DocumentSetAllTests
{
    [Fact]
    public async Task All_returns_every_document_once_in_id_order_across_pages()
    {
        using var core = new CoreHarness();
        var ids = Enumerable.Range(1, 2_500).Select(i => (long)i).Reverse().ToArray();
        await Insert(core, ids);

        var read = core.Store.Set<LedgerEntry>().All().Select(e => e.Id).ToArray();

        Assert.Equal(ids.Order(), read);
    }

    [Fact]
    public async Task A_half_read_enumeration_does_not_hold_back_a_checkpoint()
    {
        using var core = new CoreHarness();
        await Insert(core, [.. Enumerable.Range(1, 1_500).Select(i => (long)i)]);
        using var reading = core.Store.Set<LedgerEntry>().All().GetEnumerator();
        Assert.True(reading.MoveNext());

        // A streamed export awaits between rows and resumes on other threads; a checkpoint needs every read lock gone.
        var checkpoint = Task.Run(() => core.Store.Database.Checkpoint());

        Assert.Same(checkpoint, await Task.WhenAny(checkpoint, Task.Delay(TimeSpan.FromSeconds(10))));
        await checkpoint;
        var rest = 0;
        while (reading.MoveNext())
        {
            rest++;
        }

        Assert.Equal(1_499, rest);
    }

    private static Task<bool> Insert(CoreHarness core, IReadOnlyList<long> ids) => core.Writer.WriteAsync(store =>
    {
        store.Set<LedgerEntry>().InsertMany(ids.Select(id => new LedgerEntry
        {
            Id = id,
            MemberId = "m",
            Amount = 1,
            Reason = "test",
            SourceRef = $"test:{id}",
            IdempotencyKey = $"test:{id}",
            Actor = "system",
        }));
        return true;
    });
}
