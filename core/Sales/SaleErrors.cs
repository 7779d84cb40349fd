using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Sales;

public static class SaleErrors
{
    public static DomainError Conflict(string id) =>
        DomainError.Conflict("duplicate_sale_conflict", $"Sale '{id}' was already recorded with different data.", "id");
}
