namespace LoyaltyBot.Core.Achievements;

/// <summary>The kinds of <see cref="AchievementEvent"/>.</summary>
public enum AchievementTrigger
{
    Sale,
    Redemption,
    QuizPassed,
    ReferralQualified,
    ContestWon,
}
