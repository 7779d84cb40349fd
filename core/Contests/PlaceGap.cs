namespace LoyaltyBot.Core.Contests;

/// <summary>How far a member is behind <see cref="Place"/>: «до 5-го места 120 баллов».</summary>
public sealed record PlaceGap(int Place, decimal Amount);
