namespace LoyaltyBot.Api.Rewards;

/// <summary>Both optional; the voucher code and the message are delivered to the member.</summary>
public sealed record ApproveRedemptionRequest(string? Voucher, string? Message);
