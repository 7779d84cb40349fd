using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// Group commit: one dedicated thread drains the queue and commits everything it took in one LiteDB
/// transaction; a second thread makes committed batches durable (one fsync for all batches committed since
/// the last one) and only then completes their operations. The writer starts the next batch while the
/// previous one waits for the disk.
/// </summary>
public sealed class StoreWriter : IStoreWriter, IDisposable
{
    private readonly LiteStore _store;
    private readonly int _maxBatch;
    private readonly int _maxPages;
    private readonly ILogger<StoreWriter> _logger;
    private readonly BlockingCollection<PendingWrite> _queue = new();
    private readonly BlockingCollection<IReadOnlyList<PendingWrite>> _committed = new();
    private readonly Thread _thread;
    private readonly Thread _syncThread;
    private readonly WriteSession _session;
    private int _disposed;

    public StoreWriter(LiteStore store, StoreOptions options, ILogger<StoreWriter> logger)
    {
        _store = store;
        _maxBatch = Math.Max(1, options.MaxBatch);
        _maxPages = Math.Max(1, options.MaxTransactionPages);
        _logger = logger;
        _session = new WriteSession(store);
        _thread = new Thread(Loop) { IsBackground = true, Name = "store-writer" };
        _syncThread = new Thread(SyncLoop) { IsBackground = true, Name = "store-sync" };
        store.WriterThread = _thread;
        _thread.Start();
        _syncThread.Start();
    }

    public Task<T> WriteAsync<T>(Func<IDocumentStore, T> operation, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(operation);
        try
        {
            _queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(StoreWriter), "The store is shutting down.");
        }

        // Once queued the operation will run; we do not abandon it when the caller goes away,
        // so an idempotent retry later finds exactly one result.
        return pending.Task;
    }

    /// <summary>Stops taking writes, finishes and syncs the queued ones, then returns. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join();
        _committed.CompleteAdding();
        _syncThread.Join();
    }

    private void Loop()
    {
        // Operations taken from the queue and not yet committed: a transaction that grew too big leaves the rest
        // of its batch here, and they open the next one.
        var batch = new List<PendingWrite>(_maxBatch);
        while (true)
        {
            if (batch.Count == 0)
            {
                try
                {
                    if (!_queue.TryTake(out var first, Timeout.Infinite))
                    {
                        break; // an unbounded wait only fails once the queue is completed and empty
                    }

                    batch.Add(first);
                }
                catch (InvalidOperationException)
                {
                    break;
                }
            }

            while (batch.Count < _maxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            var handled = RunBatch(batch);
            batch.RemoveRange(0, handled);
        }
    }

    /// <summary>Runs operations of the batch in one transaction until it holds too many pages; returns how many it handled.</summary>
    private int RunBatch(List<PendingWrite> batch)
    {
        var database = _store.Database;
        database.BeginTrans();
        var ran = 0;
        try
        {
            while (ran < batch.Count)
            {
                batch[ran++].Run(_session);
                if (ran < batch.Count && _store.TransactionSize.OfCurrentThread() >= _maxPages)
                {
                    break;
                }
            }

            _session.Flush();
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A write operation failed; retrying its batch of {Count} one by one", ran);
            database.Rollback();
            _session.RolledBack();
            foreach (var alone in batch.Take(ran))
            {
                RunAlone(alone);
            }

            return ran;
        }

        Commit(batch[..ran]);
        return ran;
    }

    private void RunAlone(PendingWrite pending)
    {
        var database = _store.Database;
        database.BeginTrans();
        try
        {
            pending.Run(_session);
            _session.Flush();
        }
        catch (Exception exception)
        {
            database.Rollback();
            _session.RolledBack();
            pending.Fail(exception);
            return;
        }

        Commit([pending]);
    }

    private void Commit(IReadOnlyList<PendingWrite> batch)
    {
        try
        {
            _store.Database.Commit();
            _session.Committed();
            _store.Durability.WaitUntilWritten();
        }
        catch (Exception exception)
        {
            _session.RolledBack();
            _logger.LogCritical(exception, "Commit of {Count} write operations failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Fail(exception);
            }

            return;
        }

        _committed.Add(batch);
    }

    /// <summary>Acknowledges committed batches once the disk has them: one fsync covers all batches waiting.</summary>
    private void SyncLoop()
    {
        var waiting = new List<IReadOnlyList<PendingWrite>>();
        while (!_committed.IsCompleted)
        {
            try
            {
                if (!_committed.TryTake(out var first, Timeout.Infinite))
                {
                    continue;
                }

                waiting.Clear();
                waiting.Add(first);
            }
            catch (InvalidOperationException)
            {
                break;
            }

            while (_committed.TryTake(out var next))
            {
                waiting.Add(next);
            }

            Exception? failure = null;
            try
            {
                _store.Durability.FlushToDisk();
            }
            catch (Exception exception)
            {
                failure = exception;
                _logger.LogCritical(exception, "Flushing {Count} committed batches to disk failed", waiting.Count);
            }

            foreach (var pending in waiting.SelectMany(b => b))
            {
                if (failure is null)
                {
                    pending.Complete();
                }
                else
                {
                    pending.Fail(failure);
                }
            }
        }
    }
}
