using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Referrals;

/// <summary>The referral program's mistakes; the chat translates the codes, the API returns them as problems.</summary>
public static class ReferralErrors
{
    public const string NotInvitedCode = "not_invited";
    public const string SelfReferralCode = "self_referral";
    public const string PhoneTakenCode = "phone_taken";
    public const string AlreadyMemberCode = "already_member";
    public const string ApplicationPendingCode = "application_pending";
    public const string UnknownApplicationCode = "unknown_application";
    public const string ApplicationDecidedCode = "application_decided";
    public const string UnknownRegionCode = "unknown_region";

    public static DomainError NotInvited() =>
        DomainError.Unprocessable(NotInvitedCode, "The chat has no valid referral: the link is unknown or its member is blocked.");

    public static DomainError SelfReferral(string? field = null) =>
        DomainError.Unprocessable(SelfReferralCode, "A member cannot refer themselves (same chat, phone or member).", field);

    public static DomainError PhoneTaken() =>
        DomainError.Conflict(PhoneTakenCode, "An application with this phone number is pending or approved already.", "phone");

    public static DomainError AlreadyMember() =>
        DomainError.Conflict(AlreadyMemberCode, "The applicant's chat is linked to a member already.");

    public static DomainError ApplicationPending(long number) =>
        DomainError.Conflict(ApplicationPendingCode, $"Application #{number} of this chat is still pending.");

    public static DomainError UnknownApplication(string id) =>
        DomainError.NotFound(UnknownApplicationCode, $"No application has id '{id}'.", "id");

    public static DomainError ApplicationDecided(string id, ApplicationStatus status) =>
        DomainError.Conflict(ApplicationDecidedCode, $"Application '{id}' is {status.ToString().ToLowerInvariant()} already.", "id");

    public static DomainError UnknownRegion(IEnumerable<string> regions) =>
        DomainError.Invalid("region", UnknownRegionCode, $"'region' must be one of: {string.Join(", ", regions)}.");
}
