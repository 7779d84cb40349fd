using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Storage;

public sealed class StoreWriterTests
{
    [Fact]
    public async Task Concurrent_writes_are_all_committed_and_visible_to_readers()
    {
        using var core = new CoreHarness();
        var writes = Enumerable.Range(0, 500).Select(i => core.Enrol($"M-{i}"));
        await Task.WhenAll(writes);
        Assert.Equal(500, core.Store.Set<Member>().Count());
    }

    [Fact]
    public async Task An_operation_that_throws_fails_alone_and_the_rest_of_its_batch_commits()
    {
        using var core = new CoreHarness();
        var gate = new ManualResetEventSlim();
        // Hold the writer so the next operations queue up and run as one batch.
        var blocker = core.Writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(5)));
        var good1 = core.Enrol("A");
        var bad = core.Writer.WriteAsync<int>(store =>
        {
            store.Set<Member>().Insert(new Member { Id = "half", ExternalId = "HALF", Name = "half-written", Tier = "Bronze" });
            throw new InvalidOperationException("boom");
        });
        var good2 = core.Enrol("B");
        gate.Set();
        await blocker;

        await good1;
        await good2;
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.NotNull(core.MemberQueries.ByExternalId("A"));
        Assert.NotNull(core.MemberQueries.ByExternalId("B"));
        Assert.Null(core.MemberQueries.ByExternalId("HALF"));
    }

    [Theory]
    [InlineData(StoreOptions.DefaultMaxTransactionPages, false)]
    [InlineData(1, true)]
    public async Task A_transaction_that_holds_too_many_pages_commits_and_the_rest_of_its_batch_opens_the_next(int maxPages, bool split)
    {
        using var core = new CoreHarness(storeOptions: new StoreOptions { MaxTransactionPages = maxPages });
        var gate = new ManualResetEventSlim();
        var blocker = core.Writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(5)));

        // A reader on another thread sees only committed documents, so "visible" means "an earlier transaction".
        bool Committed(string id) => Task.Run(() => core.Store.Set<Member>().Get(id) is not null).Result;
        Member Doc(string id) => new() { Id = id, ExternalId = id, Name = id, Tier = "Bronze" };
        var a = core.Writer.WriteAsync(store => { store.Set<Member>().Insert(Doc("a")); return Committed("a"); });
        var b = core.Writer.WriteAsync(store => { store.Set<Member>().Insert(Doc("b")); return Committed("a"); });
        var c = core.Writer.WriteAsync(store => Committed("b"));
        gate.Set();
        await blocker;

        Assert.False(await a);
        Assert.Equal(split, await b);
        Assert.Equal(split, await c);
        Assert.Equal(2, core.Store.Set<Member>().Count());
    }

    [Fact]
    public void The_durability_barrier_finds_the_LiteDB_internals_it_relies_on()
    {
        using var core = new CoreHarness();
        core.Store.Durability.WaitUntilDurable();
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_instead_of_corrupting_it()
    {
        using var core = new CoreHarness();
        var ex = Assert.Throws<IOException>(() => new LiteStore(core.Store.FilePath, []));
        Assert.Contains("already open", ex.Message);
    }
}
