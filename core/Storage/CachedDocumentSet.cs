using System.Linq.Expressions;
using System.Reflection;

namespace LoyaltyBot.Core.Storage;

internal interface ISessionSet
{
    void Flush();

    /// <summary>After a commit: keeps the (now committed) documents if the set may keep that many, else forgets them.</summary>
    void Committed();

    void Clear();
}

/// <summary>
/// A document set as one write batch sees it: an identity map in front of the transaction, with updates of
/// known documents held back until <see cref="Flush"/>. Any query by predicate flushes first, so it always sees
/// what the batch wrote. <see cref="Version"/> counts the writes, for <see cref="WriteSession.Derived{TDocument,TResult}"/>.
/// The map may outlive a commit (the writer is the only one who writes, so what it committed is what the file holds)
/// and is dropped on a rollback or when it grows past <c>keepAfterCommit</c>.
/// </summary>
/// <param name="inner">The collection in the open transaction.</param>
/// <param name="keepAfterCommit">Most documents remembered across a commit; 0 forgets them all.</param>
internal sealed class CachedDocumentSet<T>(IDocumentSet<T> inner, int keepAfterCommit) : IDocumentSet<T>, ISessionSet where T : class
{
    private static readonly Func<T, object?> IdOf = CreateIdGetter();
    private readonly Dictionary<object, T?> _byId = [];
    private readonly Dictionary<object, T> _dirty = [];

    /// <summary>Grows with every write to the collection; never goes back.</summary>
    public long Version { get; private set; }

    public void Flush()
    {
        if (_dirty.Count == 0)
        {
            return;
        }

        foreach (var document in _dirty.Values)
        {
            if (!inner.Update(document))
            {
                throw new InvalidOperationException($"A held-back update of {typeof(T).Name} {IdOf(document)} found no document.");
            }
        }

        _dirty.Clear();
    }

    public void Committed()
    {
        _dirty.Clear();
        if (_byId.Count > keepAfterCommit)
        {
            _byId.Clear();
        }
    }

    public void Clear()
    {
        _byId.Clear();
        _dirty.Clear();
    }

    public T? Get(object id)
    {
        if (_byId.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var found = inner.Get(id);
        _byId[id] = found;
        return found;
    }

    public IReadOnlyList<T> GetMany(IReadOnlyCollection<object> ids)
    {
        var unknown = ids.Where(id => !_byId.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var found in inner.GetMany(unknown))
            {
                Remember(found);
            }

            foreach (var id in unknown)
            {
                _byId.TryAdd(id, null);
            }
        }

        return [.. ids.Distinct().Select(id => _byId[id]).OfType<T>()];
    }

    public T? FindOne(Expression<Func<T, bool>> predicate)
    {
        Flush();
        return Remember(inner.FindOne(predicate));
    }

    public IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate, int skip = 0, int limit = int.MaxValue)
    {
        Flush();
        return inner.Find(predicate, skip, limit);
    }

    public IReadOnlyList<T> FindOrdered<TKey>(Expression<Func<T, bool>>? predicate, Expression<Func<T, TKey>> orderBy, bool descending, int skip = 0, int limit = int.MaxValue)
    {
        Flush();
        return inner.FindOrdered(predicate, orderBy, descending, skip, limit);
    }

    public IEnumerable<T> All()
    {
        Flush();
        return inner.All();
    }

    public int Count(Expression<Func<T, bool>>? predicate = null)
    {
        Flush();
        return inner.Count(predicate);
    }

    public bool Exists(Expression<Func<T, bool>> predicate)
    {
        Flush();
        return inner.Exists(predicate);
    }

    public long Max(Expression<Func<T, long>> selector)
    {
        Flush();
        return inner.Max(selector);
    }

    public void Insert(T document)
    {
        Version++;
        inner.Insert(document);
        Remember(document);
    }

    public void InsertMany(IEnumerable<T> documents)
    {
        Version++;
        var list = documents.ToList();
        inner.InsertMany(list);
        list.ForEach(d => Remember(d));
    }

    public bool Update(T document)
    {
        Version++;
        if (IdOf(document) is { } id && _byId.TryGetValue(id, out var known))
        {
            if (known is null)
            {
                return false;
            }

            _byId[id] = document;
            _dirty[id] = document;
            return true;
        }

        var updated = inner.Update(document);
        if (updated)
        {
            Remember(document);
        }

        return updated;
    }

    public void Upsert(T document)
    {
        Version++;
        if (IdOf(document) is { } id && _byId.TryGetValue(id, out var known) && known is not null)
        {
            _byId[id] = document;
            _dirty[id] = document;
            return;
        }

        inner.Upsert(document);
        Remember(document);
    }

    public bool Delete(object id)
    {
        Version++;
        _dirty.Remove(id);
        _byId[id] = null;
        return inner.Delete(id);
    }

    private T? Remember(T? document)
    {
        if (document is not null && IdOf(document) is { } id)
        {
            _byId[id] = document;
        }

        return document;
    }

    private static Func<T, object?> CreateIdGetter()
    {
        var property = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance);
        return property is null ? _ => null : document => property.GetValue(document);
    }
}
