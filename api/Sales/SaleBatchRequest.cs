using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

public sealed record SaleBatchRequest(IReadOnlyList<SaleRequest?>? Sales);
