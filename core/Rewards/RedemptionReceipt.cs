namespace LoyaltyBot.Core.Rewards;

/// <summary>The redemption made (or found again under the same idempotency key) and the member's balance now.</summary>
public sealed record RedemptionReceipt(Redemption Redemption, decimal Balance, bool Replayed);
