namespace LoyaltyBot.Core.Storage;

/// <summary>
/// The store as write operations see it. Every read goes to the open transaction; documents fetched or written
/// by id are kept in an identity map for the rest of the batch, so the many "get the member again" reads of a
/// batch cost a dictionary lookup; updates of documents already known to exist are held back and written once,
/// with their last version, before the batch commits (or before a query on their collection), so a member
/// touched by 20 sales of a batch is written once, not 40 times. The store writer is the only thing that writes
/// to the file, so after a commit the map still mirrors it: for the collections a schema marks as kept by the
/// writer (up to <see cref="KeepPerCollection"/> documents each) it is kept for the next batches; a rollback drops it.
/// </summary>
internal sealed class WriteSession(LiteStore store) : IDocumentStore
{
    /// <summary>Most documents of one collection remembered across commits (members, units, progress of active members).</summary>
    public const int KeepPerCollection = 20_000;

    private readonly Dictionary<Type, ISessionSet> _sets = [];
    private readonly Dictionary<(Type, string), (long Version, object? Value)> _derived = [];

    public IDocumentSet<T> Set<T>() where T : class
    {
        if (!_sets.TryGetValue(typeof(T), out var set))
        {
            set = new CachedDocumentSet<T>(store.Set<T>(), store.KeptByWriter<T>() ? KeepPerCollection : 0);
            _sets.Add(typeof(T), set);
        }

        return (CachedDocumentSet<T>)set;
    }

    public TResult Derived<TDocument, TResult>(string name, Func<IDocumentSet<TDocument>, TResult> compute) where TDocument : class
    {
        var set = (CachedDocumentSet<TDocument>)Set<TDocument>();
        var key = (typeof(TDocument), name);
        if (_derived.TryGetValue(key, out var cached) && cached.Version == set.Version)
        {
            return (TResult)cached.Value!;
        }

        var value = compute(set);
        _derived[key] = (set.Version, value);
        return value;
    }

    /// <summary>Writes every held-back update into the transaction (before it commits).</summary>
    public void Flush()
    {
        foreach (var set in _sets.Values)
        {
            set.Flush();
        }
    }

    /// <summary>After a commit: the remembered documents are now what the file holds; derived values stay valid.</summary>
    public void Committed()
    {
        foreach (var set in _sets.Values)
        {
            set.Committed();
        }
    }

    /// <summary>After a rollback: forgets the batch's documents, held-back updates and every derived value.</summary>
    public void RolledBack()
    {
        foreach (var set in _sets.Values)
        {
            set.Clear();
        }

        _derived.Clear();
    }
}
