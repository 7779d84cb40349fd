namespace LoyaltyBot.Core.Achievements;

/// <summary>What an achievement rule counts.</summary>
public enum AchievementKind
{
    /// <summary>The member's first sale.</summary>
    FirstSale,

    /// <summary>The member's first redemption (counted when it is made).</summary>
    FirstRedemption,

    /// <summary><see cref="AchievementRule.Threshold"/> quizzes passed.</summary>
    QuizzesPassed,

    /// <summary>The member reached <see cref="AchievementRule.Tier"/> (or a higher tier).</summary>
    TierReached,

    /// <summary>Sales in <see cref="AchievementRule.Threshold"/> consecutive calendar months (program time zone).</summary>
    SalesStreak,

    /// <summary><see cref="AchievementRule.Threshold"/> qualified referrals (reported by the referrals feature).</summary>
    QualifiedReferrals,

    /// <summary><see cref="AchievementRule.Threshold"/> contest wins (reported by the contests feature).</summary>
    ContestWinner,
}
