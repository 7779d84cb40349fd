using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>The batch as the API description shows it; the endpoint binds <see cref="SaleBatchBody"/> to read items one by one.</summary>
public sealed record SaleBatchRequest(IReadOnlyList<SaleRequest?>? Sales);
