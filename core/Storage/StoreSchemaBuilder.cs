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

    /// <summary>True when the collection has an index of this name (LiteDB names an index after its expression, e.g. <c>MemberId</c>).</summary>
    public bool HasIndex<T>(string name) where T : class =>
        _database.GetCollection("$indexes").Exists(Query.And(Query.EQ("collection", _names.Of<T>()), Query.EQ("name", name)));

    /// <summary>
    /// A one-time data upgrade of a file an older version wrote; it runs once every schema is configured, before the
    /// store serves anyone. Add it only when the file needs it (e.g. <see cref="HasIndex{T}"/>).
    /// </summary>
    public StoreSchemaBuilder Upgrade(Action<StoreUpgrade> upgrade)
    {
        Upgrades.Add(upgrade);
        return this;
    }

    internal List<Action<StoreUpgrade>> Upgrades { get; } = [];

    /// <summary>Removes an index an older version created and nothing reads any more (every index slows every insert).</summary>
    public StoreSchemaBuilder DropIndex<T>(string name) where T : class
    {
        _database.GetCollection<T>(_names.Of<T>()).DropIndex(name);
        return this;
    }
}
