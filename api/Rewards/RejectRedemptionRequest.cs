namespace LoyaltyBot.Api.Rewards;

/// <summary>The reason is required and shown to the member.</summary>
public sealed record RejectRedemptionRequest(string? Reason);
