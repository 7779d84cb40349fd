using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// The newcomer's side: arriving through a link (attribution, first one wins), checking the registration fields the
/// same way the chat steps and the submission do, and submitting the application. Every rule is checked again in
/// the write operation that submits, so a change in between (a blocked referrer, a phone taken) is never missed.
/// </summary>
public sealed class ReferralInvitations(
    IStoreWriter writer,
    IDocumentStore store,
    ReferralOptions options,
    ReferralRegions regions,
    ReferralApplications applications,
    ReferralNotices notices,
    DeliveryOutbox outbox,
    TimeProvider time)
{
    public const int MaxCompanyNameLength = 200;

    /// <summary>Records who invited the chat, unless an earlier valid link did.</summary>
    public Task<ArrivalOutcome> ArriveAsync(ChatIdentity identity, string code, CancellationToken cancellationToken)
    {
        var normalized = ReferralCodes.Normalize(code);
        var wellFormed = ReferralCodes.IsWellFormed(normalized);
        // A member is told they are one whatever they typed; only a newcomer's malformed code needs no transaction.
        if (!wellFormed && identity.MemberId is null)
        {
            return Task.FromResult<ArrivalOutcome>(new ArrivalOutcome.CodeNotValid());
        }

        return writer.WriteAsync<ArrivalOutcome>(s =>
        {
            var current = s.Set<ChatIdentity>().Get(identity.Id) ?? identity;
            var referrer = wellFormed ? ReferralCodes.Owner(s, normalized) : null;
            if (current.MemberId is { } memberId)
            {
                return referrer?.Id == memberId
                    ? new ArrivalOutcome.OwnLink()
                    : s.Set<Member>().Get(memberId) is { } member
                        ? new ArrivalOutcome.AlreadyMember(member)
                        : new ArrivalOutcome.CodeNotValid();
            }

            if (referrer is not { Status: MemberStatus.Active })
            {
                return new ArrivalOutcome.CodeNotValid();
            }

            if (PendingOf(s, identity.Id) is { } pending)
            {
                return new ArrivalOutcome.ApplicationPending(pending);
            }

            var attributions = s.Set<ReferralAttribution>();
            if (ActiveReferrer(s, identity.Id) is { } first)
            {
                return new ArrivalOutcome.Invited(first, EarlierLink: first.Id != referrer.Id);
            }

            attributions.Upsert(new ReferralAttribution { Id = identity.Id, ReferrerMemberId = referrer.Id, Code = normalized, At = time.GetUtcNow() });
            return new ArrivalOutcome.Invited(referrer, EarlierLink: false);
        }, cancellationToken);
    }

    /// <summary>The active member the chat is attributed to, if any.</summary>
    public Member? ReferrerOf(string identityId) => ActiveReferrer(store, identityId);

    public static DomainError? CheckCompanyName(string? value, out string companyName) =>
        Validate.Text("companyName", value, MaxCompanyNameLength, out companyName);

    /// <summary>
    /// The region of the list <paramref name="value"/> names (as stored or as shown in any language, any case), so
    /// stored regions are always the canonical values of <see cref="ReferralRegions"/>.
    /// </summary>
    public DomainError? CheckRegion(string? value, out string region)
    {
        region = regions.Find(value) ?? string.Empty;
        return region.Length > 0 ? null : ReferralErrors.UnknownRegion(regions.All);
    }

    /// <summary>
    /// Checks a phone before the dialog moves on: its format (typed, or <paramref name="shared"/> through the channel's
    /// contact button; see <see cref="PhoneNumbers"/>), the referrer's own phone, phones already registered.
    /// </summary>
    public DomainError? CheckPhone(string identityId, string? value, bool shared, out string phone)
    {
        var error = PhoneNumbers.Check("phone", value, shared, out phone);
        if (error is not null)
        {
            return error;
        }

        var referrer = ActiveReferrer(store, identityId);
        return referrer is null ? ReferralErrors.NotInvited() : PhoneRules(store, referrer, phone);
    }

    /// <summary>
    /// Submits the application, attributed to the chat's referrer, and tells the referrer (and the managers) through
    /// the outbox. With <see cref="ReferralOptions.AutoApprove"/> it is approved in the same transaction.
    /// </summary>
    public Task<Result<ReferralApplication>> SubmitAsync(ChatIdentity identity, RegistrationForm form, string language, CancellationToken cancellationToken)
    {
        var companyError = CheckCompanyName(form.CompanyName, out var companyName);
        var regionError = CheckRegion(form.Region, out var region);
        var phoneError = PhoneNumbers.Check("phone", form.Phone, out var phone);
        if ((companyError ?? regionError ?? phoneError) is { } error)
        {
            return Task.FromResult<Result<ReferralApplication>>(error);
        }

        return writer.WriteAsync<Result<ReferralApplication>>(s =>
        {
            var current = s.Set<ChatIdentity>().Get(identity.Id) ?? identity;
            var referrer = ActiveReferrer(s, identity.Id);
            if (current.MemberId is not null)
            {
                return current.MemberId == referrer?.Id ? ReferralErrors.SelfReferral() : ReferralErrors.AlreadyMember();
            }

            if (referrer is null)
            {
                return ReferralErrors.NotInvited();
            }

            if (PendingOf(s, identity.Id) is { } pending)
            {
                return ReferralErrors.ApplicationPending(pending.Number);
            }

            if (PhoneRules(s, referrer, phone) is { } phoneRuleError)
            {
                return phoneRuleError;
            }

            var set = s.Set<ReferralApplication>();
            var application = new ReferralApplication
            {
                Id = StoreIds.New(),
                Number = set.Max(a => a.Number) + 1,
                ReferrerMemberId = referrer.Id,
                ApplicantIdentityId = identity.Id,
                CompanyName = companyName,
                Region = region,
                Phone = phone,
                Language = language,
                Status = ApplicationStatus.Pending,
                CreatedAt = time.GetUtcNow(),
            };
            set.Insert(application);
            outbox.EnqueueForMember(s, referrer.Id, texts => notices.InviteeRegistered(texts, application), $"referral-registered:{application.Id}", Topic(application));
            if (options.AutoApprove && applications.Approve(s, application.Id, externalId: null, ReferralApplications.SystemActor) is { IsSuccess: true } approved)
            {
                return approved.Value;
            }

            foreach (var manager in s.Set<Member>().All().Where(m => m.IsManager && m.Status == MemberStatus.Active).ToArray())
            {
                outbox.EnqueueForMember(s, manager.Id, texts => notices.NewApplication(texts, application, referrer), $"referral-new:{application.Id}", Topic(application));
            }

            return application;
        }, cancellationToken);
    }

    internal static string Topic(ReferralApplication application) => ReferralApplication.SourceRefOf(application.Id);

    private static ReferralApplication? PendingOf(IDocumentStore s, string identityId) =>
        s.Set<ReferralApplication>().FindOne(a => a.ApplicantIdentityId == identityId && a.Status == ApplicationStatus.Pending);

    /// <summary>The referrer of the chat's attribution while they are active: a blocked member's invitations stop working.</summary>
    private static Member? ActiveReferrer(IDocumentStore s, string identityId) =>
        s.Set<ReferralAttribution>().Get(identityId) is { } attribution
        && s.Set<Member>().Get(attribution.ReferrerMemberId) is { Status: MemberStatus.Active } referrer
            ? referrer
            : null;

    /// <summary>
    /// Not the referrer's own phone (known from their own application), and not a phone already pending or approved; either
    /// as stored now or as an older version stored it (<see cref="PhoneNumbers.StoredSpellingsOf"/>).
    /// </summary>
    private static DomainError? PhoneRules(IDocumentStore s, Member referrer, string phone)
    {
        var applications = s.Set<ReferralApplication>();
        var referrerId = referrer.Id;
        var spellings = PhoneNumbers.StoredSpellingsOf(phone);
        if (spellings.Any(stored => applications.Exists(a => a.MemberId == referrerId && a.Phone == stored)))
        {
            return ReferralErrors.SelfReferral("phone");
        }

        return spellings.Any(stored => applications.Exists(a => a.Phone == stored && a.Status != ApplicationStatus.Rejected))
            ? ReferralErrors.PhoneTaken()
            : null;
    }
}
