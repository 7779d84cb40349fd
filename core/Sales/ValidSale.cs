namespace LoyaltyBot.Core.Sales;

/// <summary>A sale request that passed validation, normalised (trimmed, UTC, millisecond precision).</summary>
internal sealed record ValidSale(string Id, string MemberExternalId, string Sku, long Units, DateTimeOffset OccurredAt, decimal? Amount)
{
    public bool SameAs(Sale sale) =>
        sale.MemberExternalId == MemberExternalId
        && sale.Sku == Sku
        && sale.Units == Units
        && sale.OccurredAt == OccurredAt
        && sale.Amount == Amount;
}
