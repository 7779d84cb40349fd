namespace LoyaltyBot.Bench;

/// <summary>Body of <c>POST /api/v1/sales/batch</c>.</summary>
internal sealed record BatchRequest(IReadOnlyList<SaleRequest> Sales);
