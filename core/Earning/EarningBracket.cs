namespace LoyaltyBot.Core.Earning;

/// <summary>From the <see cref="FromUnit"/>-th unit of the program year on, each unit earns <see cref="PointsPerUnit"/>.</summary>
public sealed record EarningBracket(long FromUnit, decimal PointsPerUnit);
