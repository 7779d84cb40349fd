using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// Turns an audience into chat identities. Activity is a ledger entry (sale, quiz or contest points, redemption,
/// adjustment…) in the window: indexed by member, so it is one cheap lookup each; chat messages are not recorded
/// per member, so they do not count.
/// </summary>
public sealed class BroadcastRecipients(MemberQueries members)
{
    /// <summary>
    /// The reachable identities of the members on one page of all members created up to <paramref name="cutoff"/>,
    /// ordered by member id (stable for an expansion cursor); <paramref name="looked"/> is how many members the page held.
    /// </summary>
    public IReadOnlyList<(Member Member, ChatIdentity Identity)> Page(
        IDocumentStore store, BroadcastAudience audience, DateTimeOffset cutoff, DateTimeOffset now, int skip, int take, out int looked)
    {
        var page = store.Set<Member>().FindOrdered(m => m.CreatedAt <= cutoff, m => m.Id, descending: false, skip, take);
        looked = page.Count;
        var result = new List<(Member, ChatIdentity)>();
        foreach (var member in page)
        {
            if (!Includes(store, audience, member, now))
            {
                continue;
            }

            foreach (var identity in store.Set<ChatIdentity>().Find(i => i.MemberId == member.Id).OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                if (identity.UnreachableSince is null && (audience.Channels.Count == 0 || audience.Channels.Contains(identity.Channel)))
                {
                    result.Add((member, identity));
                }
            }
        }

        return result;
    }

    /// <summary>How many identities the audience has now.</summary>
    public int Count(IDocumentStore store, BroadcastAudience audience, DateTimeOffset now)
    {
        const int pageSize = 2000;
        var total = 0;
        for (var skip = 0; ; skip += pageSize)
        {
            total += Page(store, audience, now, now, skip, pageSize, out var looked).Count;
            if (looked < pageSize)
            {
                return total;
            }
        }
    }

    private bool Includes(IDocumentStore store, BroadcastAudience audience, Member member, DateTimeOffset now)
    {
        if (member.Status != MemberStatus.Active)
        {
            return false;
        }

        if (audience.ExternalIds.Count > 0 && !audience.ExternalIds.Contains(member.ExternalId, StringComparer.Ordinal))
        {
            return false;
        }

        if (audience.Regions.Count > 0 && (member.Region is null || !audience.Regions.Contains(member.Region.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (audience.Tiers.Count > 0 && !audience.Tiers.Contains(members.Profile(member).Tier, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (audience.ActiveWithinDays is { } active && !ActiveSince(store, member, now.AddDays(-active)))
        {
            return false;
        }

        if (audience.InactiveForDays is { } inactive && ActiveSince(store, member, now.AddDays(-inactive)))
        {
            return false;
        }

        return !audience.NotRedeemed || !store.Set<Redemption>().Exists(r =>
            r.MemberId == member.Id && (r.Status == RedemptionStatus.Pending || r.Status == RedemptionStatus.Fulfilled));
    }

    // Entries are appended in time order, so the newest says whether any is that recent.
    private static bool ActiveSince(IDocumentStore store, Member member, DateTimeOffset since) =>
        MemberLedger.Newest(store, member) is { } newest && newest.At >= since;
}
