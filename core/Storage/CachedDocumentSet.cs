using System.Linq.Expressions;
using System.Reflection;

namespace LoyaltyBot.Core.Storage;

internal interface ICachedSet
{
    void Clear();
}

/// <summary>A write-through identity map over a document set, for the duration of one write batch.</summary>
internal sealed class CachedDocumentSet<T>(IDocumentSet<T> inner) : IDocumentSet<T>, ICachedSet where T : class
{
    private static readonly Func<T, object?> IdOf = CreateIdGetter();
    private readonly Dictionary<object, T?> _byId = [];

    public void Clear() => _byId.Clear();

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

    public T? FindOne(Expression<Func<T, bool>> predicate) => Remember(inner.FindOne(predicate));

    public IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate, int skip = 0, int limit = int.MaxValue) =>
        inner.Find(predicate, skip, limit);

    public IReadOnlyList<T> FindOrdered<TKey>(Expression<Func<T, bool>>? predicate, Expression<Func<T, TKey>> orderBy, bool descending, int skip = 0, int limit = int.MaxValue) =>
        inner.FindOrdered(predicate, orderBy, descending, skip, limit);

    public IEnumerable<T> All() => inner.All();

    public int Count(Expression<Func<T, bool>>? predicate = null) => inner.Count(predicate);

    public bool Exists(Expression<Func<T, bool>> predicate) => inner.Exists(predicate);

    public long Max(Expression<Func<T, long>> selector) => inner.Max(selector);

    public void Insert(T document)
    {
        inner.Insert(document);
        Remember(document);
    }

    public void InsertMany(IEnumerable<T> documents)
    {
        var list = documents.ToList();
        inner.InsertMany(list);
        list.ForEach(d => Remember(d));
    }

    public bool Update(T document)
    {
        var updated = inner.Update(document);
        if (updated)
        {
            Remember(document);
        }

        return updated;
    }

    public void Upsert(T document)
    {
        inner.Upsert(document);
        Remember(document);
    }

    public bool Delete(object id)
    {
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
