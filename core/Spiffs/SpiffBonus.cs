using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Spiffs;

/// <summary>
/// Pays SPIFF bonuses inside the sale's transaction: for each active SPIFF on the sale's SKU whose window holds the
/// sale's <c>occurredAt</c> and whose tiers/regions include the member, a separate ledger entry of kind
/// <see cref="LedgerEntryKind.Spiff"/> (key <c>spiff:{spiffId}:{saleId}</c>, source <c>spiff:{spiffId}</c>).
/// </summary>
public sealed class SpiffBonus(PointsLedger ledger) : ISaleObserver
{
    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange)
    {
        foreach (var spiff in store.Derived<Spiff, Spiff[]>("active", spiffs => [.. spiffs.Find(s => s.IsActive)]))
        {
            if (!spiff.AppliesTo(sale.Sku) || !spiff.Covers(sale.OccurredAt) || !spiff.IsFor(sale.TierAfter, member.Region))
            {
                continue;
            }

            ledger.Append(store, new LedgerPosting(
                member.Id,
                LedgerEntryKind.Spiff,
                sale.Units * spiff.PointsPerUnit,
                $"SPIFF «{spiff.Title}»: {sale.Units} × {sale.Sku}",
                $"spiff:{spiff.Id}",
                $"spiff:{spiff.Id}:{sale.Id}",
                sale.Actor));
        }
    }
}
