using LiteDB;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Ledger;

public sealed class MemberLedgerTests
{
    [Fact]
    public async Task A_members_ledger_pages_newest_first_across_buckets_without_other_members_entries()
    {
        using var core = new CoreHarness();
        var a = await core.Enrol("M-A");
        var b = await core.Enrol("M-B");
        for (var i = 1; i <= 150; i++)
        {
            await core.Adjustments.AdjustAsync(i % 3 == 0 ? "M-B" : "M-A", new Adjustment(i, $"credit {i}"), "test", default);
        }

        foreach (var member in new[] { a, b })
        {
            // The oracle: a full scan of the ledger, not the buckets.
            var expected = core.Store.Set<LedgerEntry>().All().Where(e => e.MemberId == member.Id).OrderByDescending(e => e.Id).Select(e => e.Id).ToArray();
            Assert.Equal(expected.Length, core.Store.Set<Member>().Get(member.Id)!.LedgerEntries);
            for (var page = 1; page <= 5; page++)
            {
                var got = core.LedgerQueries.Page(member.Id, page, 30);
                Assert.Equal(expected.Length, got.Total);
                Assert.Equal(expected.Skip((page - 1) * 30).Take(30), got.Items.Select(e => e.Id));
            }

            Assert.Equal(core.Store.Set<Member>().Get(member.Id)!.Balance, core.LedgerQueries.SumOf(member.Id));
        }

        Assert.Equal(100, core.LedgerQueries.Page(a.Id, 1, 200).Items.Count);
        Assert.Equal(2, core.Store.Set<LedgerBucket>().Count(x => x.MemberId == a.Id)); // 100 entries, 64 a bucket
        Assert.Empty(core.LedgerQueries.Page("no-such-member", 1, 20).Items);
    }

    [Fact]
    public async Task A_file_from_before_ledger_buckets_gets_them_when_it_opens_and_loses_the_member_index()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.db");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-15T09:00:00Z"));
        var calendar = new ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var members = new List<Member>();
        using (var store = Open(path))
        using (var writer = new StoreWriter(store, new StoreOptions(), NullLogger<StoreWriter>.Instance))
        {
            var registry = new MemberRegistry(writer, TierLadder.Default, clock);
            var sales = new SaleRecorder(writer, new PointsLedger(clock), EarningRule.Default, TierLadder.Default, calendar, clock, []);
            for (var m = 0; m < 150; m++)
            {
                members.Add((await registry.EnrolAsync(new NewMember($"M-{m}", $"Dealer {m}"), default)).Value!);
            }

            // Member m sells m times, so counts run from none to several buckets.
            var requests = members.SelectMany((member, m) => Enumerable.Range(0, m).Select(s => new SaleRequest($"S-{m}-{s}", member.ExternalId, "SKU", 1 + s % 7, clock.GetUtcNow())));
            foreach (var batch in requests.Chunk(5000))
            {
                await sales.RecordBatchAsync(batch, "test", default);
            }
        }

        // Back to what an older version wrote: no buckets, no counts, an index on the member id. One member is left
        // half-upgraded, as if a first upgrade had been killed.
        using (var raw = new LiteDatabase($"Filename={path}"))
        {
            raw.GetCollection("ledger_buckets").DeleteAll();
            var stored = raw.GetCollection("members");
            foreach (var doc in stored.FindAll().ToArray())
            {
                doc.Remove("LedgerEntries");
                stored.Update(doc);
            }

            raw.GetCollection("ledger").EnsureIndex("MemberId", "$.MemberId");
            raw.GetCollection("ledger_buckets").Insert(new BsonDocument
            {
                ["_id"] = LedgerBucket.KeyOf(members[100].Id, 0),
                ["MemberId"] = members[100].Id,
                ["Number"] = 0,
                ["EntryIds"] = new BsonArray(new BsonValue(1L)),
            });
        }

        using (var store = Open(path))
        {
            Assert.False(store.Database.GetCollection("$indexes").Exists(Query.And(Query.EQ("collection", "ledger"), Query.EQ("name", "MemberId"))));
            var queries = new LedgerQueries(store);
            foreach (var (member, m) in members.Select((member, m) => (member, m)))
            {
                var expected = store.Set<LedgerEntry>().All().Where(e => e.MemberId == member.Id).OrderByDescending(e => e.Id).Select(e => e.Id).ToArray();
                Assert.Equal(m, expected.Length);
                Assert.Equal(m, store.Set<Member>().Get(member.Id)!.LedgerEntries);
                Assert.Equal(expected, queries.Page(member.Id, 1, 500).Items.Select(e => e.Id));
                Assert.Equal(store.Set<Member>().Get(member.Id)!.Balance, queries.SumOf(member.Id));
            }
        }

        // The next start finds nothing to upgrade, and new entries go on from the upgraded counts.
        using (var store = Open(path))
        using (var writer = new StoreWriter(store, new StoreOptions(), NullLogger<StoreWriter>.Instance))
        {
            var sales = new SaleRecorder(writer, new PointsLedger(clock), EarningRule.Default, TierLadder.Default, calendar, clock, []);
            await sales.RecordAsync(new SaleRequest("S-new", members[130].ExternalId, "SKU", 3, clock.GetUtcNow()), "test", default);
            var page = new LedgerQueries(store).Page(members[130].Id, 1, 500);
            Assert.Equal(131, page.Total);
            Assert.Equal("sale:S-new", page.Items[0].SourceRef);
        }
    }

    private static LiteStore Open(string path) => new(path, [new MemberSchema(), new LedgerSchema(), new SalesSchema()]);
}
