using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Members;

/// <summary>Reads members; never waits for the writer.</summary>
public sealed class MemberQueries(IDocumentStore store, EarningRule rule, TierLadder tiers, ProgramCalendar calendar, TimeProvider time)
{
    public Member? ByExternalId(string externalId) =>
        store.Set<Member>().FindOne(m => m.ExternalId == externalId);

    public Member? ById(string id) => store.Set<Member>().Get(id);

    public long UnitsThisYear(string memberId) =>
        store.Set<MemberUnits>().Get(MemberUnits.KeyOf(memberId, calendar.YearOf(time.GetUtcNow())))?.Units ?? 0;

    public MemberProfile Profile(Member member)
    {
        var units = UnitsThisYear(member.Id);
        return new MemberProfile(member, tiers.TierFor(units), units, tiers.NextAfter(units, rule), rule.RateAt(units));
    }

    public MemberPage List(int page, int pageSize, string? tier, string? region)
    {
        var members = store.Set<Member>();
        System.Linq.Expressions.Expression<Func<Member, bool>> filter = (tier, region) switch
        {
            (null, null) => m => true,
            (not null, null) => m => m.Tier == tier,
            (null, not null) => m => m.Region == region,
            _ => m => m.Tier == tier && m.Region == region,
        };
        var total = members.Count(filter);
        var items = members.FindOrdered(filter, m => m.Id, descending: false, (page - 1) * pageSize, pageSize);
        return new MemberPage(items, page, pageSize, total);
    }
}
