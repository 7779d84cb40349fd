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

    public StoreSchemaBuilder Collection<T>(string name) where T : class
    {
        _names.Register<T>(name);
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
