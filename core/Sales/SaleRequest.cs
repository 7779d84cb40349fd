namespace LoyaltyBot.Core.Sales;

/// <summary>A sale as the ERP/CRM reports it. <see cref="Id"/> is the seller's unique sale id and the idempotency key.</summary>
public sealed record SaleRequest(
    string? Id,
    string? MemberExternalId,
    string? Sku,
    long? Units,
    DateTimeOffset? OccurredAt,
    decimal? Amount = null);
