namespace LoyaltyBot.Core.Sales;

public enum SaleItemStatus
{
    Created,
    Duplicate,
    Rejected,
}
