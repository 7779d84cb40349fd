using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The contests still open for scores (not cancelled, standings not frozen), so that counting a sale does not read
/// every contest. Inside a write operation the list is a <see cref="IDocumentStore.Derived{TDocument,TResult}"/> value:
/// computed once and recomputed after any write to the contests (or a rolled-back batch).
/// </summary>
public sealed class LiveContests
{
    /// <summary>The contests open for scores.</summary>
    public IReadOnlyList<Contest> Get(IDocumentStore store) =>
        store.Derived<Contest, Contest[]>("live", contests => [.. contests.All().Where(c => c.CancelledAt is null && c.FrozenAt is null)]);
}
