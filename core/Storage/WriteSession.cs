using System.Collections.Concurrent;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// The store as write operations see it: every read and write goes straight to the open transaction, and
/// documents fetched or written by id are also kept in an identity map for the rest of the batch, so the
/// many "get the member again" reads of a batch cost a dictionary lookup. The map is dropped after every
/// commit or rollback, so it can never outlive the data it mirrors.
/// </summary>
internal sealed class WriteSession(LiteStore store) : IDocumentStore
{
    private readonly ConcurrentDictionary<Type, object> _sets = new();

    public IDocumentSet<T> Set<T>() where T : class =>
        (IDocumentSet<T>)_sets.GetOrAdd(typeof(T), _ => new CachedDocumentSet<T>(store.Set<T>()));

    /// <summary>Forgets every cached document (after a commit or a rollback).</summary>
    public void Reset()
    {
        foreach (var set in _sets.Values)
        {
            ((ICachedSet)set).Clear();
        }
    }
}
