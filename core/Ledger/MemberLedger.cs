using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

/// <summary>Finds one member's ledger entries through their <see cref="LedgerBucket"/>s.</summary>
public static class MemberLedger
{
    /// <summary>Records a new entry of the member (its <see cref="Member.LedgerEntries"/> before the entry) in the right bucket.</summary>
    /// <returns>The member with the count raised; the caller writes it.</returns>
    public static Member Add(IDocumentStore store, Member member, long entryId)
    {
        var buckets = store.Set<LedgerBucket>();
        var number = (int)(member.LedgerEntries / LedgerBucket.Size);
        var key = LedgerBucket.KeyOf(member.Id, number);
        if (buckets.Get(key) is { } bucket)
        {
            buckets.Update(bucket with { EntryIds = [.. bucket.EntryIds, entryId] });
        }
        else
        {
            buckets.Insert(new LedgerBucket { Id = key, MemberId = member.Id, Number = number, EntryIds = [entryId] });
        }

        return member with { LedgerEntries = member.LedgerEntries + 1 };
    }

    /// <summary>The ids of the member's entries at positions <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public static long[] EntryIds(IDocumentStore store, string memberId, int from, int to)
    {
        if (to <= from)
        {
            return [];
        }

        var first = from / LedgerBucket.Size;
        var last = (to - 1) / LedgerBucket.Size;
        var keys = Enumerable.Range(first, last - first + 1).Select(n => (object)LedgerBucket.KeyOf(memberId, n)).ToArray();
        var ids = new List<long>(to - from);
        foreach (var bucket in store.Set<LedgerBucket>().GetMany(keys).OrderBy(b => b.Number))
        {
            var start = bucket.Number * LedgerBucket.Size;
            for (var i = Math.Max(from - start, 0); i < bucket.EntryIds.Length && start + i < to; i++)
            {
                ids.Add(bucket.EntryIds[i]);
            }
        }

        return [.. ids];
    }

    /// <summary>The member's entries at positions <paramref name="from"/> to <paramref name="to"/> (exclusive), oldest first.</summary>
    public static IReadOnlyList<LedgerEntry> Entries(IDocumentStore store, string memberId, int from, int to)
    {
        var ids = EntryIds(store, memberId, from, to);
        return [.. store.Set<LedgerEntry>().GetMany([.. ids.Select(id => (object)id)]).OrderBy(e => e.Id)];
    }

    /// <summary>Every entry of the member, oldest first; none for an unknown member.</summary>
    public static IReadOnlyList<LedgerEntry> All(IDocumentStore store, string memberId) =>
        store.Set<Member>().Get(memberId) is { } member ? Entries(store, member.Id, 0, member.LedgerEntries) : [];

    /// <summary>The member's newest entry, or null when they have none.</summary>
    public static LedgerEntry? Newest(IDocumentStore store, Member member) =>
        member.LedgerEntries == 0 ? null : Entries(store, member.Id, member.LedgerEntries - 1, member.LedgerEntries).SingleOrDefault();
}
