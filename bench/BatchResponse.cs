namespace LoyaltyBot.Bench;

/// <summary>Response of <c>POST /api/v1/sales/batch</c>.</summary>
internal sealed record BatchResponse(IReadOnlyList<BatchResultItem>? Results);
