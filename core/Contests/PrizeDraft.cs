namespace LoyaltyBot.Core.Contests;

/// <summary>A prize as an author sends it: points and/or a reward id for one place.</summary>
public sealed record PrizeDraft(int? Place, decimal? Points = null, string? RewardId = null);
