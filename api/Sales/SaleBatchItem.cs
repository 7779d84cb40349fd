using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>One batch item's outcome: <c>created</c>, <c>duplicate</c> or <c>rejected</c> with an error.</summary>
public sealed record SaleBatchItem(string? Id, SaleItemStatus Status, decimal? PointsEarned, decimal? Balance, string? Tier, SaleBatchError? Error);
