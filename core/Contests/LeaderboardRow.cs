namespace LoyaltyBot.Core.Contests;

/// <summary>One member's place in a leaderboard.</summary>
public sealed record LeaderboardRow(int Place, string MemberId, decimal Score, DateTimeOffset ReachedAt);
