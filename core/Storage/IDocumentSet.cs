using System.Linq.Expressions;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// A narrow view of one collection of documents. Use cases read and write through this
/// interface only, so a server database can replace LiteDB without touching them.
/// </summary>
public interface IDocumentSet<T> where T : class
{
    T? Get(object id);
    /// <summary>The documents with these ids that exist (in no particular order): one query instead of one per id.</summary>
    IReadOnlyList<T> GetMany(IReadOnlyCollection<object> ids);
    T? FindOne(Expression<Func<T, bool>> predicate);
    IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate, int skip = 0, int limit = int.MaxValue);
    IReadOnlyList<T> FindOrdered<TKey>(
        Expression<Func<T, bool>>? predicate,
        Expression<Func<T, TKey>> orderBy,
        bool descending,
        int skip = 0,
        int limit = int.MaxValue);
    IEnumerable<T> All();
    int Count(Expression<Func<T, bool>>? predicate = null);
    bool Exists(Expression<Func<T, bool>> predicate);
    /// <summary>Largest value of a numeric key, or the default when the set is empty.</summary>
    long Max(Expression<Func<T, long>> selector);

    void Insert(T document);
    void InsertMany(IEnumerable<T> documents);
    bool Update(T document);
    void Upsert(T document);
    bool Delete(object id);
}
