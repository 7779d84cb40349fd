namespace LoyaltyBot.Core.Achievements;

/// <summary>
/// Something that counts toward achievements. <see cref="SourceRef"/> identifies it (a sale, a redemption, a quiz,
/// a referral, a contest): recording the same event twice counts it once.
/// </summary>
public sealed record AchievementEvent(AchievementTrigger Trigger, string SourceRef, DateTimeOffset At)
{
    public static AchievementEvent Sale(string saleId, DateTimeOffset occurredAt) => new(AchievementTrigger.Sale, $"sale:{saleId}", occurredAt);

    public static AchievementEvent Redemption(string redemptionId, DateTimeOffset at) => new(AchievementTrigger.Redemption, $"redemption:{redemptionId}", at);

    public static AchievementEvent QuizPassed(string quizId, DateTimeOffset at) => new(AchievementTrigger.QuizPassed, $"quiz:{quizId}", at);

    /// <summary>For the referrals feature: the member's referral <paramref name="referralId"/> qualified.</summary>
    public static AchievementEvent ReferralQualified(string referralId, DateTimeOffset at) => new(AchievementTrigger.ReferralQualified, $"referral:{referralId}", at);

    /// <summary>For the contests feature: the member won contest <paramref name="contestId"/>.</summary>
    public static AchievementEvent ContestWon(string contestId, DateTimeOffset at) => new(AchievementTrigger.ContestWon, $"contest:{contestId}", at);
}
