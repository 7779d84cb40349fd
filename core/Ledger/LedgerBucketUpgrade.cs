using System.Diagnostics;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Ledger;

/// <summary>
/// Upgrades a file from before <see cref="LedgerBucket"/>s, which found a member's entries through an index on the
/// ledger's member id: writes every member's buckets and entry count from that index, then drops it. Safe to run again
/// after a crash: it rewrites whole buckets and counts, and the index only goes once all are written.
/// </summary>
internal static class LedgerBucketUpgrade
{
    public const string OldIndex = "MemberId";

    // Reading a member's entries pins their pages until the commit: 100 members of ~100 entries stay far below
    // the transaction page cap (StoreOptions.MaxTransactionPages).
    private const int MembersPerTransaction = 100;

    public static void Run(StoreUpgrade upgrade)
    {
        var clock = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        var ids = upgrade.Store.Set<Member>().All().Select(m => m.Id).ToArray();
        upgrade.Log.LogWarning("Upgrading the ledger of {Members} members to per-member buckets; a big file takes minutes", ids.Length);
        var done = 0;
        var entries = 0L;
        foreach (var chunk in ids.Chunk(MembersPerTransaction))
        {
            upgrade.InTransaction(store =>
            {
                foreach (var id in chunk)
                {
                    entries += WriteBuckets(store, id);
                }
            });
            done += chunk.Length;
            if (report.Elapsed.TotalSeconds >= 10)
            {
                upgrade.Log.LogWarning("Ledger upgrade: {Done} of {Members} members, {Entries} entries, {Seconds:F0} s", done, ids.Length, entries, clock.Elapsed.TotalSeconds);
                report.Restart();
            }
        }

        upgrade.DropIndex<LedgerEntry>(OldIndex);
        upgrade.Log.LogWarning("Ledger upgrade done: {Members} members, {Entries} entries in {Seconds:F1} s", ids.Length, entries, clock.Elapsed.TotalSeconds);
    }

    private static int WriteBuckets(IDocumentStore store, string memberId)
    {
        var members = store.Set<Member>();
        var member = members.Get(memberId)!;
        var ids = store.Set<LedgerEntry>().Find(e => e.MemberId == memberId).Select(e => e.Id).Order().ToArray();
        var buckets = store.Set<LedgerBucket>();
        foreach (var bucket in LedgerBucket.AllOf(memberId, ids))
        {
            buckets.Upsert(bucket);
        }

        members.Update(member with { LedgerEntries = ids.Length });
        return ids.Length;
    }
}
