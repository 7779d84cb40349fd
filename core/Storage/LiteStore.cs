using System.Collections.Concurrent;
using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoyaltyBot.Core.Storage;

/// <summary>The embedded LiteDB store: one file, one database instance for the whole process.</summary>
public sealed class LiteStore : IDocumentStore, IDisposable
{
    private readonly ConcurrentDictionary<Type, object> _sets = new();
    private readonly CollectionNames _names = new();
    private readonly FileStream _lock;
    private readonly int _checkpointPages;
    private StoreFile _data = null!;
    private StoreFile _log = null!;

    /// <summary>
    /// Byte-wise string comparison for a new database file: ids, external ids and idempotency keys must match
    /// exactly ("S-1" is not "s-1"), and ordinal comparison keeps index maintenance cheap (LiteDB's default is
    /// the current culture, ignoring case). A file keeps the collation it was created with.
    /// </summary>
    private static readonly Collation OrdinalCollation = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <param name="path">The database file; created with its folder when missing.</param>
    /// <param name="schemas">Collection names and indexes, applied once here.</param>
    /// <param name="checkpointPages">
    /// Committed pages the log file may hold before a checkpoint copies them into the data file. A checkpoint
    /// copies each page once however often it changed, so a longer log writes hot pages (index tails, active
    /// members) fewer times.
    /// </param>
    /// <param name="log">Where one-time upgrades of an older file report their progress.</param>
    public LiteStore(string path, IEnumerable<IStoreSchema> schemas, int checkpointPages = StoreOptions.DefaultCheckpointPages, ILogger? log = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        FilePath = fullPath;
        _checkpointPages = checkpointPages;
        _lock = AcquireLock(fullPath);
        try
        {
            Open();
            Configure(schemas, log);
        }
        catch
        {
            // A failed open, schema or upgrade must not keep the file locked for the next try in this process.
            try
            {
                Dispose();
            }
            catch (Exception)
            {
                // The first error is the one to report.
            }

            throw;
        }
    }

    public string FilePath { get; }

    internal LiteDatabase Database { get; private set; } = null!;

    internal LiteDbDurability Durability { get; private set; } = null!;

    internal LiteDbTransactionSize TransactionSize { get; private set; } = null!;

    internal string CollectionName<T>() => _names.Of<T>();

    /// <summary>
    /// Runs <paramref name="write"/> in one LiteDB transaction on this thread: all its writes commit together or none
    /// does. Only for work before the store writer runs (upgrades, the bench's seeder); afterwards writes go through it.
    /// </summary>
    internal void InTransaction(Action write)
    {
        if (!Database.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        }

        try
        {
            write();
            Database.Commit();
        }
        catch
        {
            Database.Rollback();
            throw;
        }
    }

    /// <summary>
    /// The thread of the <see cref="StoreWriter"/> serving this store, once there is one. From then on it is the only
    /// thread allowed to write: the writer's session keeps what it committed in memory and relies on that.
    /// </summary>
    internal Thread? WriterThread { get; set; }

    internal void EnsureWriterThread()
    {
        if (WriterThread is { } writer && writer != Thread.CurrentThread)
        {
            throw new InvalidOperationException("Writes to the store go through IStoreWriter.WriteAsync.");
        }
    }

    internal bool KeptByWriter<T>() where T : class => _names.KeptByWriter<T>();

    public IDocumentSet<T> Set<T>() where T : class =>
        (IDocumentSet<T>)_sets.GetOrAdd(typeof(T), _ => new LiteDocumentSet<T>(this, Database, _names.Of<T>()));

    public TResult Derived<TDocument, TResult>(string name, Func<IDocumentSet<TDocument>, TResult> compute) where TDocument : class =>
        compute(Set<TDocument>());

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

    public void Dispose()
    {
        try
        {
            Close();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private void Configure(IEnumerable<IStoreSchema> schemas, ILogger? log)
    {
        var builder = new StoreSchemaBuilder(Database, _names);
        foreach (var schema in schemas)
        {
            schema.Configure(builder);
        }

        if (builder.Upgrades.Count > 0)
        {
            var upgrade = new StoreUpgrade(this, log ?? NullLogger.Instance);
            foreach (var run in builder.Upgrades)
            {
                run(upgrade);
            }

            // LiteDB's page cache never shrinks: reopen, so what an upgrade of a big file read does not stay in memory.
            Close();
            Open();
        }
    }

    private void Open()
    {
        _data = new StoreFile(FilePath, syncOnFlush: true);
        _log = new StoreFile(LogFileOf(FilePath), syncOnFlush: false);
        var engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log, Collation = OrdinalCollation });
        Database = new LiteDatabase(engine, CreateMapper()) { CheckpointSize = Math.Max(100, _checkpointPages) };
        Durability = new LiteDbDurability(Database, _log);
        TransactionSize = new LiteDbTransactionSize(Database);
    }

    private void Close()
    {
        _sets.Clear();
        try
        {
            Database?.Dispose();
        }
        finally
        {
            _log?.Dispose();
            _data?.Dispose();
        }
    }

    /// <summary>Until disposed, checkpoints (the only writes to the data file) wait; commits go on into the log.</summary>
    internal IDisposable HoldDataFileWrites() => _data.HoldWrites();

    /// <summary>LiteDB keeps committed pages in <c>name-log.ext</c> next to <c>name.ext</c> until a checkpoint.</summary>
    public static string LogFileOf(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    /// <summary>
    /// LiteDB's own file sharing does not stop a second process on Linux (both get shared locks), and two
    /// engines on one file corrupt it. An exclusive lock on a side file makes the second one fail cleanly.
    /// </summary>
    private static FileStream AcquireLock(string databasePath)
    {
        try
        {
            return new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (IsLockedByOther(exception))
        {
            throw new IOException($"The database {databasePath} is already open in another process (or another store in this one).", exception);
        }
        catch (IOException exception)
        {
            throw new IOException($"The database {databasePath} cannot be opened: {exception.Message}", exception);
        }
    }

    /// <summary>The lock is held elsewhere: EWOULDBLOCK from flock on Unix, a sharing violation on Windows.</summary>
    private static bool IsLockedByOther(IOException exception) => exception.HResult is 11 or unchecked((int)0x80070020);

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
