namespace LoyaltyBot.Api.Referrals;

/// <summary>A member's referral code (null until their first <c>/invite</c>), funnel and invitees, newest first.</summary>
public sealed record MemberReferralsResponse(
    string ExternalId,
    string? Code,
    string? Link,
    ReferralFiguresResponse Figures,
    IReadOnlyList<InviteeResponse> Invitees);
