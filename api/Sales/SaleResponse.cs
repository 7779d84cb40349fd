using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

public sealed record SaleResponse(string Id, string MemberExternalId, decimal PointsEarned, decimal Balance, string Tier)
{
    public static SaleResponse From(SaleReceipt receipt) =>
        new(receipt.Id, receipt.MemberExternalId, receipt.PointsEarned, receipt.Balance, receipt.Tier);
}
