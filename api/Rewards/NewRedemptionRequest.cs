namespace LoyaltyBot.Api.Rewards;

/// <summary>An integration redeems for a member; the same <c>idempotencyKey</c> (per member) returns the same redemption.</summary>
public sealed record NewRedemptionRequest(string? RewardId, string? IdempotencyKey);
