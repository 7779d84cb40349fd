namespace LoyaltyBot.Core.Webhooks;

/// <summary>The event types a subscription may ask for.</summary>
public static class WebhookEventTypes
{
    public const string MemberCreated = "member.created";
    public const string MemberTierChanged = "member.tier_changed";
    public const string PointsChanged = "points.changed";
    public const string RedemptionStatusChanged = "redemption.status_changed";
    public const string ReferralQualified = "referral.qualified";
    public const string ContestFinished = "contest.finished";

    public static readonly IReadOnlyList<string> All =
        [MemberCreated, MemberTierChanged, PointsChanged, RedemptionStatusChanged, ReferralQualified, ContestFinished];
}
