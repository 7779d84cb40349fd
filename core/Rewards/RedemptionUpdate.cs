namespace LoyaltyBot.Core.Rewards;

/// <summary>A redemption after an approve / reject / cancel; <see cref="Changed"/> is false when it already had that status.</summary>
public sealed record RedemptionUpdate(Redemption Redemption, bool Changed);
