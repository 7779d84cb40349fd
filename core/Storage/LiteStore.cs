using System.Collections.Concurrent;
using LiteDB;

namespace LoyaltyBot.Core.Storage;

/// <summary>The embedded LiteDB store: one file, one database instance for the whole process.</summary>
public sealed class LiteStore : IDocumentStore, IDisposable
{
    private readonly ConcurrentDictionary<Type, object> _sets = new();
    private readonly CollectionNames _names = new();

    public LiteStore(string path, IEnumerable<IStoreSchema> schemas)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        FilePath = fullPath;
        Database = new LiteDatabase(
            new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct },
            CreateMapper());
        Durability = new LiteDbDurability(Database);
        var builder = new StoreSchemaBuilder(Database, _names);
        foreach (var schema in schemas)
        {
            schema.Configure(builder);
        }
    }

    public string FilePath { get; }

    internal LiteDatabase Database { get; }

    internal LiteDbDurability Durability { get; }

    public IDocumentSet<T> Set<T>() where T : class =>
        (IDocumentSet<T>)_sets.GetOrAdd(typeof(T), _ => new LiteDocumentSet<T>(Database, _names.Of<T>()));

    /// <summary>True when a trivial read succeeds.</summary>
    public bool IsReachable()
    {
        try
        {
            _ = Database.GetCollectionNames().Count();
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose() => Database.Dispose();

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            EmptyStringToNull = false,
            TrimWhitespace = false,
            EnumAsInteger = false,
        };
        mapper.RegisterType(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        return mapper;
    }
}
