using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

/// <summary>Reads applications, invitees and funnels; never waits for the writer.</summary>
public sealed class ReferralQueries(IDocumentStore store)
{
    public ReferralApplication? Application(string id) => store.Set<ReferralApplication>().Get(id);

    /// <summary>Newest first, optionally of one status.</summary>
    public ApplicationPage Applications(ApplicationStatus? status, int page, int pageSize)
    {
        var set = store.Set<ReferralApplication>();
        System.Linq.Expressions.Expression<Func<ReferralApplication, bool>> filter = status is { } wanted
            ? a => a.Status == wanted
            : a => true;
        var items = set.FindOrdered(filter, a => a.Number, descending: true, (page - 1) * pageSize, pageSize);
        return new ApplicationPage(items, page, pageSize, set.Count(filter));
    }

    /// <summary>Pending applications, oldest first: the manager's queue.</summary>
    public IReadOnlyList<ReferralApplication> Pending(int limit) =>
        store.Set<ReferralApplication>().FindOrdered(a => a.Status == ApplicationStatus.Pending, a => a.Number, descending: false, 0, limit);

    public int PendingCount() => store.Set<ReferralApplication>().Count(a => a.Status == ApplicationStatus.Pending);

    public ReferrerFigures FiguresOf(string memberId) =>
        Figures(
            store.Set<ReferralAttribution>().Find(a => a.ReferrerMemberId == memberId),
            store.Set<ReferralApplication>().Find(a => a.ReferrerMemberId == memberId));

    /// <summary>Everyone who arrived through the member's link, newest first, each with their latest application.</summary>
    public IReadOnlyList<Invitee> InviteesOf(string memberId)
    {
        var attributions = store.Set<ReferralAttribution>().Find(a => a.ReferrerMemberId == memberId).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var latest = store.Set<ReferralApplication>().Find(a => a.ReferrerMemberId == memberId)
            .GroupBy(a => a.ApplicantIdentityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Number)!, StringComparer.Ordinal);
        return attributions.Keys.Union(latest.Keys, StringComparer.Ordinal)
            .Select(identityId =>
            {
                var application = latest.GetValueOrDefault(identityId);
                var invitedAt = attributions.TryGetValue(identityId, out var attribution) ? attribution.At : application!.CreatedAt;
                return new Invitee(identityId, StatusOf(application), invitedAt, application);
            })
            .OrderByDescending(i => i.InvitedAt)
            .ToArray();
    }

    /// <summary>The whole program's funnel and the <paramref name="top"/> referrers.</summary>
    public ReferralOverview Overview(int top)
    {
        var attributions = store.Set<ReferralAttribution>().All().ToArray();
        var applications = store.Set<ReferralApplication>().All().ToArray();
        var byReferrer = attributions.ToLookup(a => a.ReferrerMemberId, StringComparer.Ordinal);
        var applicationsByReferrer = applications.ToLookup(a => a.ReferrerMemberId, StringComparer.Ordinal);
        var members = store.Set<Member>();
        var ranked = byReferrer.Select(g => g.Key).Union(applicationsByReferrer.Select(g => g.Key), StringComparer.Ordinal)
            .Select(id => (Member: members.Get(id), Figures: Figures(byReferrer[id], applicationsByReferrer[id])))
            .Where(r => r.Member is not null)
            .OrderByDescending(r => r.Figures.Qualified)
            .ThenByDescending(r => r.Figures.Registered)
            .ThenByDescending(r => r.Figures.Invited)
            .ThenBy(r => r.Member!.ExternalId, StringComparer.Ordinal)
            .Take(top)
            .Select(r => new TopReferrer(r.Member!, r.Figures))
            .ToArray();
        return new ReferralOverview(Figures(attributions, applications), ranked);
    }

    private static InviteeStatus StatusOf(ReferralApplication? application) => application switch
    {
        null => InviteeStatus.Invited,
        { QualifiedAt: not null } => InviteeStatus.Qualified,
        { Status: ApplicationStatus.Approved } => InviteeStatus.Approved,
        { Status: ApplicationStatus.Rejected } => InviteeStatus.Rejected,
        _ => InviteeStatus.Pending,
    };

    /// <summary>
    /// Counts chats, not applications: one rejected and then re-submitted applicant is one registration. A chat with
    /// an application counts as invited even if its attribution was replaced later (its referrer was blocked).
    /// </summary>
    private static ReferrerFigures Figures(IEnumerable<ReferralAttribution> attributions, IEnumerable<ReferralApplication> applications)
    {
        var list = applications.ToArray();
        var registered = list.Select(a => a.ApplicantIdentityId).ToHashSet(StringComparer.Ordinal);
        var invited = attributions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        invited.UnionWith(registered);
        return new ReferrerFigures(
            invited.Count,
            registered.Count,
            list.Count(a => a.Status == ApplicationStatus.Approved),
            list.Count(a => a.QualifiedAt is not null),
            list.Sum(a => a.ReferrerBonus));
    }
}
