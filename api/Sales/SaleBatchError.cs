namespace LoyaltyBot.Api.Sales;

public sealed record SaleBatchError(string Code, string Message, string? Field);
