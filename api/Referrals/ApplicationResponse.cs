using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Api.Referrals;

/// <summary>An application with its referrer and, once approved, the member it created.</summary>
public sealed record ApplicationResponse(
    string Id,
    long Number,
    ApplicationStatus Status,
    string CompanyName,
    string Region,
    string Phone,
    string Language,
    string Channel,
    string? ReferrerExternalId,
    string? ReferrerName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? RejectReason,
    string? MemberExternalId,
    decimal WelcomeBonus,
    DateTimeOffset? QualifiedAt,
    ReferrerBonusOutcome? ReferrerBonusOutcome,
    decimal ReferrerBonus)
{
    public static ApplicationResponse From(ReferralApplication a, Member? referrer) => new(
        a.Id,
        a.Number,
        a.Status,
        a.CompanyName,
        a.Region,
        a.Phone,
        a.Language,
        a.ApplicantIdentityId.Split(':')[0],
        referrer?.ExternalId,
        referrer?.Name,
        a.CreatedAt,
        a.DecidedAt,
        a.DecidedBy,
        a.RejectReason,
        a.MemberExternalId,
        a.WelcomeBonus,
        a.QualifiedAt,
        a.ReferrerBonusOutcome,
        a.ReferrerBonus);
}
