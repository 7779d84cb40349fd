using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

/// <summary>Reads redemptions: the managers' queue and each member's own list.</summary>
public sealed class RedemptionQueries(IDocumentStore store)
{
    public Redemption? Get(string id) => store.Set<Redemption>().Get(id);

    /// <summary>A member's own redemption, or null for someone else's (so nobody can tell it exists).</summary>
    public Redemption? OfMember(string memberId, string id) =>
        Get(id) is { } redemption && redemption.MemberId == memberId ? redemption : null;

    /// <summary>Pending ones oldest first (a work queue); any other selection newest first.</summary>
    public RedemptionPage List(RedemptionStatus? status, string? memberId, int page, int pageSize)
    {
        System.Linq.Expressions.Expression<Func<Redemption, bool>>? filter = (status, memberId) switch
        {
            (null, null) => null,
            ({ } s, null) => r => r.Status == s,
            (null, { } m) => r => r.MemberId == m,
            ({ } s, { } m) => r => r.MemberId == m && r.Status == s,
        };
        var set = store.Set<Redemption>();
        var total = set.Count(filter);
        var items = set.FindOrdered(filter, r => r.Id, descending: status != RedemptionStatus.Pending, (page - 1) * pageSize, pageSize);
        return new RedemptionPage(items, page, pageSize, total);
    }
}
