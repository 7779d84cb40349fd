namespace LoyaltyBot.Core.Rewards;

/// <summary>Catalog filters; null means "any".</summary>
public sealed record RewardFilter(bool? Active = null, RewardCategory? Category = null, string? Tier = null);
