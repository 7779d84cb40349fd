using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>Reads contests, audiences and awards; never waits for the writer.</summary>
public sealed class ContestQueries(IDocumentStore store, MemberQueries members, TimeProvider time)
{
    public Contest? Get(string id) => store.Set<Contest>().Get(id);

    /// <summary>Newest first.</summary>
    public ContestPage List(int page, int pageSize)
    {
        var contests = store.Set<Contest>();
        var items = contests.FindOrdered(null, c => c.Id, descending: true, (page - 1) * pageSize, pageSize);
        return new ContestPage(items, page, pageSize, contests.Count());
    }

    public IReadOnlyList<Contest> All() => store.Set<Contest>().All().ToArray();

    /// <summary>Whether the member is in the audience now: tier by units sold this program year, and region.</summary>
    public bool IsInAudience(Contest contest, Member member) =>
        contest.Audience.Includes(contest.Audience.Tiers.Count == 0 ? string.Empty : members.Profile(member).Tier, member.Region);

    /// <summary>The contests open for scores now that the member is in (by audience, or by a score already made), ending soonest first.</summary>
    public IReadOnlyList<Contest> LiveFor(Member member)
    {
        var now = time.GetUtcNow();
        return store.Set<Contest>().All()
            .Where(c => c.IsLiveAt(now)
                && (IsInAudience(c, member) || store.Set<ContestScore>().Get(ContestScore.KeyOf(c.Id, member.Id)) is not null))
            .OrderBy(c => c.EndsAt)
            .ToArray();
    }

    /// <summary>The active members in the audience now, and those with a score (who may have left the audience since).</summary>
    public IReadOnlyList<string> AudienceAndParticipantsOf(Contest contest)
    {
        var scored = store.Set<ContestScore>().Find(s => s.ContestId == contest.Id).Select(s => s.MemberId).ToHashSet(StringComparer.Ordinal);
        return store.Set<Member>().All()
            .Where(m => m.Status == MemberStatus.Active && (scored.Contains(m.Id) || IsInAudience(contest, m)))
            .Select(m => m.Id)
            .ToArray();
    }

    /// <summary>Members with a score, counted in the store (without loading the standings into the cache).</summary>
    public int ParticipantsOf(string contestId) => store.Set<ContestScore>().Count(s => s.ContestId == contestId);

    public IReadOnlyList<ContestAward> AwardsOf(string contestId) =>
        store.Set<ContestAward>().Find(a => a.ContestId == contestId).OrderBy(a => a.Place).ToArray();
}
