using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Sales;

/// <summary>One item's result in a batch.</summary>
public sealed record SaleOutcome(string? Id, SaleItemStatus Status, SaleReceipt? Receipt, DomainError? Error);
