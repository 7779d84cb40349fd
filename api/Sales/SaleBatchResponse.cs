namespace LoyaltyBot.Api.Sales;

public sealed record SaleBatchResponse(IReadOnlyList<SaleBatchItem> Results, int Created, int Duplicate, int Rejected);
