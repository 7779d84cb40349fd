using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Api.Referrals;

/// <summary>One chat that arrived through the member's link; the application fields are null until it applied.</summary>
public sealed record InviteeResponse(
    InviteeStatus Status,
    DateTimeOffset InvitedAt,
    string Channel,
    string? ApplicationId,
    long? Number,
    string? CompanyName,
    string? Region,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? DecidedAt,
    string? MemberExternalId,
    DateTimeOffset? QualifiedAt,
    ReferrerBonusOutcome? ReferrerBonusOutcome,
    decimal ReferrerBonus)
{
    public static InviteeResponse From(Invitee invitee) => new(
        invitee.Status,
        invitee.InvitedAt,
        invitee.Channel,
        invitee.Application?.Id,
        invitee.Application?.Number,
        invitee.Application?.CompanyName,
        invitee.Application?.Region,
        invitee.Application?.CreatedAt,
        invitee.Application?.DecidedAt,
        invitee.Application?.MemberExternalId,
        invitee.Application?.QualifiedAt,
        invitee.Application?.ReferrerBonusOutcome,
        invitee.Application?.ReferrerBonus ?? 0m);
}
