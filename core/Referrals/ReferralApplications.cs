using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// The manager's side: approving an application creates the member, links the applicant's chat, pays the welcome
/// bonus and tells the applicant and the referrer, all in one transaction; rejecting tells the applicant.
/// </summary>
public sealed class ReferralApplications(
    IStoreWriter writer,
    MemberRegistry registry,
    ReferralBonuses bonuses,
    ReferralNotices notices,
    DeliveryOutbox outbox,
    TimeProvider time)
{
    /// <summary>The actor of auto-approvals.</summary>
    public const string SystemActor = "system";

    public const int MaxReasonLength = 500;

    /// <summary>Approves a pending application; without <paramref name="externalId"/> the member gets <c>REF-{number:000000}</c>.</summary>
    public Task<Result<ReferralApplication>> ApproveAsync(string id, string? externalId, string actor, CancellationToken cancellationToken)
    {
        var error = ExternalIds.CheckOptional("externalId", externalId, out var trimmed);
        return error is not null
            ? Task.FromResult<Result<ReferralApplication>>(error)
            : writer.WriteAsync(s => Approve(s, id, trimmed.Length == 0 ? null : trimmed, actor), cancellationToken);
    }

    public Task<Result<ReferralApplication>> RejectAsync(string id, string? reason, string actor, CancellationToken cancellationToken)
    {
        var error = Validate.OptionalText("reason", reason, MaxReasonLength, out var trimmed);
        return error is not null
            ? Task.FromResult<Result<ReferralApplication>>(error)
            : writer.WriteAsync(s => Reject(s, id, trimmed.Length == 0 ? null : trimmed, actor), cancellationToken);
    }

    public static string AssignedExternalId(long number) => $"REF-{number:000000}";

    /// <summary>Inside a write operation: checks everything, then writes; on a mistake nothing is written.</summary>
    internal Result<ReferralApplication> Approve(IDocumentStore s, string id, string? externalId, string actor)
    {
        var set = s.Set<ReferralApplication>();
        var application = set.Get(id);
        if (application is null)
        {
            return ReferralErrors.UnknownApplication(id);
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return ReferralErrors.ApplicationDecided(id, application.Status);
        }

        var identities = s.Set<ChatIdentity>();
        var identity = identities.Get(application.ApplicantIdentityId);
        if (identity?.MemberId is { } linkedTo)
        {
            // The applicant joined another way meanwhile (or, worse, is the referrer): a second member would be a duplicate.
            return linkedTo == application.ReferrerMemberId ? ReferralErrors.SelfReferral() : ReferralErrors.AlreadyMember();
        }

        var enrolled = registry.Enrol(s, new NewMember(
            externalId ?? AssignedExternalId(application.Number),
            application.CompanyName,
            application.Region,
            application.Language,
            MemberKind.Dealer));
        if (!enrolled.IsSuccess)
        {
            return enrolled.Error;
        }

        var member = enrolled.Value;
        var now = time.GetUtcNow();
        if (identity is not null)
        {
            identities.Update(identity with { MemberId = member.Id, LinkedAt = now, UnreachableSince = null });
        }

        var approved = application with
        {
            Status = ApplicationStatus.Approved,
            DecidedAt = now,
            DecidedBy = actor,
            MemberId = member.Id,
            MemberExternalId = member.ExternalId,
            WelcomeBonus = bonuses.PayWelcome(s, application, member.Id, actor),
        };
        set.Update(approved);
        var topic = ReferralInvitations.Topic(approved);
        outbox.EnqueueForMember(s, member.Id, texts => notices.Approved(texts, approved), $"referral-approved:{id}", topic);
        if (s.Set<Member>().Get(approved.ReferrerMemberId) is { Status: MemberStatus.Active })
        {
            outbox.EnqueueForMember(s, approved.ReferrerMemberId, texts => notices.InviteeApproved(texts, approved), $"referral-approved-referrer:{id}", topic);
        }
        return approved;
    }

    private Result<ReferralApplication> Reject(IDocumentStore s, string id, string? reason, string actor)
    {
        var set = s.Set<ReferralApplication>();
        var application = set.Get(id);
        if (application is null)
        {
            return ReferralErrors.UnknownApplication(id);
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return ReferralErrors.ApplicationDecided(id, application.Status);
        }

        var rejected = application with { Status = ApplicationStatus.Rejected, DecidedAt = time.GetUtcNow(), DecidedBy = actor, RejectReason = reason };
        set.Update(rejected);
        if (s.Set<ChatIdentity>().Get(application.ApplicantIdentityId) is { UnreachableSince: null } identity)
        {
            var texts = Localization.Texts.For(identity.Language ?? application.Language);
            outbox.Enqueue(s, identity, notices.Rejected(texts, rejected), $"referral-rejected:{id}:{identity.Id}", ReferralInvitations.Topic(rejected));
        }

        return rejected;
    }
}
