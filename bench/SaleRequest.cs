namespace LoyaltyBot.Bench;

/// <summary>One sale as sent to <c>POST /api/v1/sales</c> and inside a batch.</summary>
internal sealed record SaleRequest(string Id, string MemberExternalId, string Sku, int Units, DateTimeOffset OccurredAt, decimal? Amount = null);
