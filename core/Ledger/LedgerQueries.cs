using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

/// <summary>Reads a member's ledger, newest first.</summary>
public sealed class LedgerQueries(IDocumentStore store)
{
    public LedgerPage Page(string memberId, int page, int pageSize)
    {
        var total = store.Set<Member>().Get(memberId)?.LedgerEntries ?? 0;
        var to = total - (int)Math.Min((long)(page - 1) * pageSize, total);
        var items = MemberLedger.Entries(store, memberId, Math.Max(to - pageSize, 0), to).Reverse().ToArray();
        return new LedgerPage(items, page, pageSize, total);
    }

    /// <summary>Sum of a member's entries, computed from the ledger itself (the cached balance must equal it).</summary>
    public decimal SumOf(string memberId) => MemberLedger.All(store, memberId).Sum(e => e.Amount);
}
