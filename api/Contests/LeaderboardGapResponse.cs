namespace LoyaltyBot.Api.Contests;

/// <summary>How far the member is behind <see cref="Place"/>.</summary>
public sealed record LeaderboardGapResponse(int Place, decimal Amount);
