using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Api.Rewards;

/// <summary>Who moved the redemption to which status, when, and why (reason, voucher or message).</summary>
public sealed record RedemptionStatusChangeResponse(RedemptionStatus Status, DateTimeOffset At, string Actor, string? Note);
