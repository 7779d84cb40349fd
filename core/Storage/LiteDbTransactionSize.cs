using System.Reflection;
using LiteDB;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// How many pages the calling thread's open LiteDB transaction holds in memory (every page it read or changed).
/// </summary>
/// <remarks>
/// LiteDB 5.0.20 keeps each page a transaction touches until it commits and only then lets its cache reuse them, so
/// the biggest transaction sets the process's memory for good (its cache never shrinks). The store writer asks this
/// after each operation and commits early when a batch gets too big. LiteDB has no public API for it; the internals
/// are looked up once at startup, like <see cref="LiteDbDurability"/>'s, so an upgrade that changes them fails loudly.
/// </remarks>
internal sealed class LiteDbTransactionSize
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private readonly object _monitor;
    private readonly MethodInfo _threadTransaction;
    private readonly PropertyInfo _pages;
    private readonly PropertyInfo _size;

    public LiteDbTransactionSize(LiteDatabase database)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Any)?.GetValue(database)
            ?? throw Unsupported("LiteDatabase._engine not found");
        _monitor = engine.GetType().GetField("_monitor", Any)?.GetValue(engine)
            ?? throw Unsupported("LiteEngine._monitor not found");
        _threadTransaction = _monitor.GetType().GetMethod("GetThreadTransaction", Any, [])
            ?? throw Unsupported("TransactionMonitor.GetThreadTransaction() not found");
        _pages = _threadTransaction.ReturnType.GetProperty("Pages", Any)
            ?? throw Unsupported("TransactionService.Pages not found");
        _size = _pages.PropertyType.GetProperty("TransactionSize", Any)
            ?? throw Unsupported("TransactionPages.TransactionSize not found");
    }

    /// <summary>Pages held by this thread's transaction; 0 when it has none.</summary>
    public int OfCurrentThread()
    {
        var transaction = _threadTransaction.Invoke(_monitor, null);
        return transaction is null ? 0 : (int)_size.GetValue(_pages.GetValue(transaction))!;
    }

    private static InvalidOperationException Unsupported(string detail) =>
        new($"This LiteDB version is not supported by the transaction size probe ({detail}).");
}
