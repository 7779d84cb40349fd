using System.Reflection;
using LiteDB;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// Makes a LiteDB commit durable before we acknowledge it.
/// </summary>
/// <remarks>
/// LiteDB 5.0.20 (the newest on our package source) hands committed log pages to a background
/// writer task and returns from Commit before they reach the file, so a process killed right
/// after an acknowledged commit could lose it. LiteDB 5.0.22 fixed this by writing on the
/// committing thread. Until we can move to it, we wait for that queue to drain and fsync the
/// log file once (its own per-page fsyncs are switched off, see <see cref="StoreFile"/>). The internals are
/// looked up once at startup, so a LiteDB upgrade that changes them fails loudly instead of silently losing
/// durability.
/// </remarks>
internal sealed class LiteDbDurability
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private readonly object _disk;
    private readonly PropertyInfo _queueProperty;
    private readonly StoreFile _log;

    public LiteDbDurability(LiteDatabase database, StoreFile log)
    {
        _log = log;
        var engine = Field(typeof(LiteDatabase), "_engine").GetValue(database)
            ?? throw Unsupported("LiteDatabase._engine is null");
        _disk = Field(engine.GetType(), "_disk").GetValue(engine)
            ?? throw Unsupported("LiteEngine._disk is null");
        _queueProperty = _disk.GetType().GetProperty("Queue", Any)
            ?? throw Unsupported("DiskService.Queue not found");
    }

    /// <summary>Blocks until every committed page is written and flushed to the device.</summary>
    public void WaitUntilDurable()
    {
        WaitUntilWritten();
        FlushToDisk();
    }

    /// <summary>
    /// Blocks until LiteDB has handed every committed page to the log file. Call it on the thread that commits:
    /// LiteDB refuses a wait that races with a new commit.
    /// </summary>
    public void WaitUntilWritten()
    {
        var lazy = _queueProperty.GetValue(_disk);
        if (lazy is null)
        {
            return;
        }

        var lazyType = lazy.GetType();
        if (!(bool)lazyType.GetProperty("IsValueCreated")!.GetValue(lazy)!)
        {
            return;
        }

        var queue = lazyType.GetProperty("Value")!.GetValue(lazy)!;
        queue.GetType().GetMethod("Wait", Any)!.Invoke(queue, null);
    }

    /// <summary>Forces every page written so far to the device; safe on any thread.</summary>
    public void FlushToDisk() => _log.FlushToDisk();

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, Private) ?? throw Unsupported($"{type.Name}.{name} not found");

    private static InvalidOperationException Unsupported(string detail) =>
        new($"This LiteDB version is not supported by the durability barrier ({detail}).");
}
