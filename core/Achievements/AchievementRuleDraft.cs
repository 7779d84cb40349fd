namespace LoyaltyBot.Core.Achievements;

/// <summary>What a manager sends to define or replace an achievement rule. Kinds: firstSale, firstRedemption,
/// quizzesPassed, tierReached, salesStreak, qualifiedReferrals, contestWinner.</summary>
public sealed record AchievementRuleDraft(
    AchievementKind? Kind,
    string? Name,
    string? Description = null,
    int? Threshold = null,
    string? Tier = null,
    decimal? Points = null,
    bool? IsActive = null);
