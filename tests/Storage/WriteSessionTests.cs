using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Storage;

public sealed class WriteSessionTests
{
    [Fact]
    public async Task A_held_back_update_is_seen_by_a_query_later_in_the_same_batch_and_is_stored_at_commit()
    {
        using var core = new CoreHarness();
        await core.Enrol("A");
        var (found, count) = await core.Writer.WriteAsync(store =>
        {
            var members = store.Set<Member>();
            var member = members.FindOne(m => m.ExternalId == "A")!;
            members.Update(member with { Name = "first" });
            members.Update(member with { Name = "second", Region = "North" });
            return (members.FindOne(m => m.Region == "North")?.Name, members.Count(m => m.Name == "second"));
        });

        Assert.Equal("second", found);
        Assert.Equal(1, count);
        var stored = core.Store.Set<Member>().FindOne(m => m.ExternalId == "A")!;
        Assert.Equal("second", stored.Name);
        Assert.Equal("North", stored.Region);
    }

    [Fact]
    public async Task A_held_back_update_of_a_failed_operation_is_not_stored()
    {
        using var core = new CoreHarness();
        await core.Enrol("A");
        var gate = new ManualResetEventSlim();
        var blocker = core.Writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(5)));
        var bad = core.Writer.WriteAsync<int>(store =>
        {
            var members = store.Set<Member>();
            members.Update(members.FindOne(m => m.ExternalId == "A")! with { Name = "never" });
            throw new InvalidOperationException("boom");
        });
        var good = core.Enrol("B");
        gate.Set();
        await blocker;

        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        await good;
        Assert.NotEqual("never", core.Store.Set<Member>().FindOne(m => m.ExternalId == "A")!.Name);
        Assert.NotNull(core.MemberQueries.ByExternalId("B"));
    }

    [Fact]
    public async Task A_derived_value_is_reused_until_its_collection_changes()
    {
        using var core = new CoreHarness();
        await core.Enrol("A");
        var computed = 0;
        string[] Regions(IDocumentStore store) => store.Derived<Member, string[]>("names", members =>
        {
            computed++;
            return [.. members.All().Select(m => m.ExternalId).Order(StringComparer.Ordinal)];
        });

        var first = await core.Writer.WriteAsync(Regions);
        var again = await core.Writer.WriteAsync(Regions);
        await core.Enrol("B");
        var afterChange = await core.Writer.WriteAsync(Regions);

        Assert.Equal(["A"], first);
        Assert.Same(first, again);
        Assert.Equal(["A", "B"], afterChange);
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task A_derived_value_computed_from_a_rolled_back_write_is_forgotten()
    {
        using var core = new CoreHarness();
        await core.Enrol("A");
        string[] Names(IDocumentStore store) => store.Derived<Member, string[]>("names", members =>
            [.. members.All().Select(m => m.ExternalId).Order(StringComparer.Ordinal)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.Writer.WriteAsync<string[]>(store =>
        {
            store.Set<Member>().Insert(new Member { Id = "ghost", ExternalId = "GHOST", Name = "ghost", Tier = "Bronze" });
            _ = Names(store);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(["A"], await core.Writer.WriteAsync(Names));
    }

    [Fact]
    public async Task A_document_changed_in_a_rolled_back_batch_is_read_from_the_file_in_the_next_batch()
    {
        using var core = new CoreHarness();
        var id = (await core.Enrol("A")).Id;
        Assert.Equal("Dealer A", await core.Writer.WriteAsync(store => store.Set<Member>().Get(id)!.Name));

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.Writer.WriteAsync<int>(store =>
        {
            var members = store.Set<Member>();
            members.Update(members.Get(id)! with { Name = "rolled back" });
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("Dealer A", await core.Writer.WriteAsync(store => store.Set<Member>().Get(id)!.Name));
    }

    [Fact]
    public async Task A_document_committed_by_one_batch_is_seen_with_its_last_version_by_the_next()
    {
        using var core = new CoreHarness();
        var id = (await core.Enrol("A")).Id;
        for (var i = 1; i <= 3; i++)
        {
            var name = $"v{i}";
            await core.Writer.WriteAsync(store => store.Set<Member>().Update(store.Set<Member>().Get(id)! with { Name = name }));
        }

        Assert.Equal("v3", await core.Writer.WriteAsync(store => store.Set<Member>().Get(id)!.Name));
        Assert.Equal("v3", core.Store.Set<Member>().Get(id)!.Name);
    }

    [Fact]
    public async Task Get_many_returns_the_documents_that_exist_and_later_gets_agree()
    {
        using var core = new CoreHarness();
        var a = (await core.Enrol("A")).Id;
        var b = (await core.Enrol("B")).Id;

        var (many, missing, again) = await core.Writer.WriteAsync(store =>
        {
            var members = store.Set<Member>();
            var found = members.GetMany([a, "nobody", b, a]);
            return (found.Select(m => m.ExternalId).Order(StringComparer.Ordinal).ToArray(), members.Get("nobody"), members.Get(b)?.ExternalId);
        });

        Assert.Equal(["A", "B"], many);
        Assert.Null(missing);
        Assert.Equal("B", again);
        Assert.Equal(2, core.Store.Set<Member>().GetMany([a, b, "nobody"]).Count);
    }

    [Fact]
    public async Task A_write_that_bypasses_the_store_writer_is_refused()
    {
        using var core = new CoreHarness();
        await core.Enrol("A");

        var refused = Assert.Throws<InvalidOperationException>(() =>
            core.Store.Set<Member>().Insert(new Member { Id = "side", ExternalId = "SIDE", Name = "side door", Tier = "Bronze" }));

        Assert.Contains("IStoreWriter", refused.Message);
        Assert.Null(core.MemberQueries.ByExternalId("SIDE"));
    }
}
