namespace LoyaltyBot.Core.Earning;

/// <summary>The next tier and what is missing to reach it.</summary>
public sealed record NextTier(string Name, long UnitsNeeded, decimal PointsNeeded);
