using System.Linq.Expressions;
using LiteDB;

namespace LoyaltyBot.Core.Storage;

/// <summary>Declares collection names and indexes; applied once when the store opens.</summary>
public sealed class StoreSchemaBuilder
{
    private readonly LiteDatabase _database;
    private readonly CollectionNames _names;

    internal StoreSchemaBuilder(LiteDatabase database, CollectionNames names)
    {
        _database = database;
        _names = names;
    }

    /// <param name="name">The LiteDB collection name.</param>
    /// <param name="keptByWriter">
    /// Small, often-rewritten documents (a member, their units, their progress): the store writer keeps the ones it
    /// touched in memory across commits instead of reading them again for every batch. Leave it off for collections
    /// that only grow (sales, ledger, outbox) or hold large documents (images).
    /// </param>
    public StoreSchemaBuilder Collection<T>(string name, bool keptByWriter = false) where T : class
    {
        _names.Register<T>(name, keptByWriter);
        return this;
    }

    public StoreSchemaBuilder Index<T, TKey>(Expression<Func<T, TKey>> key, bool unique = false) where T : class
    {
        _database.GetCollection<T>(_names.Of<T>()).EnsureIndex(key, unique);
        return this;
    }

    /// <summary>Removes an index an older version created and nothing reads any more (every index slows every insert).</summary>
    public StoreSchemaBuilder DropIndex<T>(string name) where T : class
    {
        _database.GetCollection<T>(_names.Of<T>()).DropIndex(name);
        return this;
    }
}
