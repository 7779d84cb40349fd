using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The contests still open for scores (not cancelled, standings not frozen), kept in memory so that counting a sale
/// does not read every contest. Write side only: it is read and invalidated inside write operations, so it loads
/// through the operation's own transaction and every operation after a change sees the change.
/// </summary>
public sealed class LiveContests
{
    private volatile Contest[]? _live;

    /// <summary>Inside a write operation: the contests open for scores.</summary>
    public IReadOnlyList<Contest> Get(IDocumentStore store) =>
        _live ??= store.Set<Contest>().All().Where(c => c.CancelledAt is null && c.FrozenAt is null).ToArray();

    /// <summary>Inside the write operation that changed a contest.</summary>
    public void Invalidate() => _live = null;
}
