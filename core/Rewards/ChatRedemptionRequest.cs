namespace LoyaltyBot.Core.Rewards;

/// <summary>
/// A member's confirmed redemption in chat. <see cref="RequestKey"/> identifies the confirmation (a double tap
/// repeats it); <see cref="ConfirmedCost"/> is the price the member saw, so a price changed since is not charged.
/// </summary>
public sealed record ChatRedemptionRequest(
    string MemberId, string RewardId, string RequestKey, decimal ConfirmedCost, string IdentityId, string Actor);
