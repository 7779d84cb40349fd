using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

/// <summary>Reads a member's ledger, newest first.</summary>
public sealed class LedgerQueries(IDocumentStore store)
{
    public LedgerPage Page(string memberId, int page, int pageSize)
    {
        var entries = store.Set<LedgerEntry>();
        var total = entries.Count(e => e.MemberId == memberId);
        var items = entries.FindOrdered(e => e.MemberId == memberId, e => e.Id, descending: true, (page - 1) * pageSize, pageSize);
        return new LedgerPage(items, page, pageSize, total);
    }

    /// <summary>Sum of a member's entries, computed from the ledger itself (the cached balance must equal it).</summary>
    public decimal SumOf(string memberId) => store.Set<LedgerEntry>().Find(e => e.MemberId == memberId).Sum(e => e.Amount);
}
