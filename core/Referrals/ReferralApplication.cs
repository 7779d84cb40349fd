namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// A newcomer's registration through a referral link, attributed to the referrer, and what became of it: the
/// manager's decision, the member it created, the welcome bonus and the referrer's bonus. Ledger entries of both
/// bonuses reference it as <c>referral:{Id}</c>.
/// </summary>
public sealed record ReferralApplication
{
    public required string Id { get; init; }

    /// <summary>Sequence number from 1, shown to people (#12) and used for the assigned external id (REF-000012).</summary>
    public long Number { get; init; }

    public required string ReferrerMemberId { get; init; }

    /// <summary>The applicant's chat identity (<c>{channel}:{user}</c>), linked to the new member on approval.</summary>
    public required string ApplicantIdentityId { get; init; }

    public required string CompanyName { get; init; }

    public required string Region { get; init; }

    /// <summary>Normalised: <c>+</c> and 10–15 digits.</summary>
    public required string Phone { get; init; }

    /// <summary>The language the applicant registered in; the new member's language.</summary>
    public string Language { get; init; } = "ru";

    public ApplicationStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The manager (<c>api-key:…</c>, <c>chat:…</c>) or <c>system</c> for auto-approval.</summary>
    public string? DecidedBy { get; init; }

    public string? RejectReason { get; init; }

    /// <summary>The member created on approval.</summary>
    public string? MemberId { get; init; }

    public string? MemberExternalId { get; init; }

    public decimal WelcomeBonus { get; init; }

    /// <summary>When the referee's first qualifying sale (within the window) was recorded; null until then.</summary>
    public DateTimeOffset? QualifiedAt { get; init; }

    public string? QualifyingSaleId { get; init; }

    public ReferrerBonusOutcome? ReferrerBonusOutcome { get; init; }

    /// <summary>Points paid to the referrer (0 unless <see cref="ReferrerBonusOutcome"/> is Paid).</summary>
    public decimal ReferrerBonus { get; init; }

    public static string SourceRefOf(string id) => $"referral:{id}";
}
