namespace LoyaltyBot.Api.Contests;

/// <summary>One place of the standings; <see cref="ReachedAt"/> decides ties (earlier first).</summary>
public sealed record LeaderboardRowResponse(int Place, string ExternalId, string Name, decimal Score, DateTimeOffset ReachedAt);
