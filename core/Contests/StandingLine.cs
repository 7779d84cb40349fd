namespace LoyaltyBot.Core.Contests;

/// <summary>A leaderboard row with the member's names, for showing.</summary>
public sealed record StandingLine(int Place, string MemberId, string ExternalId, string Name, decimal Score, DateTimeOffset ReachedAt);
