using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Spiffs;

/// <summary>Reads SPIFFs; never waits for the writer.</summary>
public sealed class SpiffQueries(IDocumentStore store, MemberQueries members)
{
    public Spiff? Get(string id) => store.Set<Spiff>().Get(id);

    /// <summary>All SPIFFs, newest first; <paramref name="active"/> filters on the active flag.</summary>
    public IReadOnlyList<Spiff> List(bool? active) =>
        store.Set<Spiff>().FindOrdered(active is { } a ? s => s.IsActive == a : null, s => s.Id, descending: true);

    /// <summary>The SPIFFs running at <paramref name="now"/> that the member qualifies for, ending soonest first.</summary>
    public IReadOnlyList<Spiff> RunningFor(Member member, DateTimeOffset now)
    {
        var tier = members.Profile(member).Tier;
        return store.Set<Spiff>().Find(s => s.IsActive)
            .Where(s => s.Covers(now) && s.IsFor(tier, member.Region))
            .OrderBy(s => s.To)
            .ToArray();
    }
}
