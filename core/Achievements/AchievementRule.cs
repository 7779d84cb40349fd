namespace LoyaltyBot.Core.Achievements;

/// <summary>A badge and the rule that awards it, once per member, optionally with points.</summary>
public sealed record AchievementRule
{
    public required string Id { get; init; }

    public AchievementKind Kind { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>How many (quizzes, months, referrals, wins) the rule needs; 1 for first sale/redemption.</summary>
    public int Threshold { get; init; } = 1;

    /// <summary>Canonical tier name for <see cref="AchievementKind.TierReached"/>.</summary>
    public string? Tier { get; init; }

    /// <summary>Points awarded with the badge (ledger kind achievement); 0 for none.</summary>
    public decimal Points { get; init; }

    public bool IsActive { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
