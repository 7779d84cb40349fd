using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// Group commit: one dedicated thread drains the queue and commits everything it took in one
/// LiteDB transaction, then waits for the disk once for the whole batch.
/// </summary>
public sealed class StoreWriter : IStoreWriter, IDisposable
{
    private readonly LiteStore _store;
    private readonly int _maxBatch;
    private readonly ILogger<StoreWriter> _logger;
    private readonly BlockingCollection<PendingWrite> _queue = new();
    private readonly Thread _thread;
    private readonly WriteSession _session;
    private int _disposed;

    public StoreWriter(LiteStore store, StoreOptions options, ILogger<StoreWriter> logger)
    {
        _store = store;
        _maxBatch = Math.Max(1, options.MaxBatch);
        _logger = logger;
        _session = new WriteSession(store);
        _thread = new Thread(Loop) { IsBackground = true, Name = "store-writer" };
        _thread.Start();
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

    /// <summary>Stops taking writes, finishes the queued ones, then returns. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join();
    }

    private void Loop()
    {
        var batch = new List<PendingWrite>(_maxBatch);
        while (!_queue.IsCompleted)
        {
            PendingWrite? first;
            try
            {
                if (!_queue.TryTake(out first, Timeout.Infinite))
                {
                    continue;
                }
            }
            catch (InvalidOperationException)
            {
                break;
            }

            batch.Clear();
            batch.Add(first);
            while (batch.Count < _maxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            RunBatch(batch);
        }
    }

    private void RunBatch(List<PendingWrite> batch)
    {
        var database = _store.Database;
        database.BeginTrans();
        foreach (var pending in batch)
        {
            try
            {
                pending.Run(_session);
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "A write operation failed; retrying its batch of {Count} one by one", batch.Count);
                database.Rollback();
                _session.Reset();
                foreach (var alone in batch)
                {
                    RunAlone(alone);
                }

                return;
            }
        }

        CommitOrFail(batch);
    }

    private void RunAlone(PendingWrite pending)
    {
        var database = _store.Database;
        database.BeginTrans();
        try
        {
            pending.Run(_session);
        }
        catch (Exception exception)
        {
            database.Rollback();
            _session.Reset();
            pending.Fail(exception);
            return;
        }

        CommitOrFail([pending]);
    }

    private void CommitOrFail(IReadOnlyList<PendingWrite> batch)
    {
        try
        {
            _store.Database.Commit();
            _session.Reset();
            _store.Durability.WaitUntilDurable();
        }
        catch (Exception exception)
        {
            _session.Reset();
            _logger.LogCritical(exception, "Commit of {Count} write operations failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Fail(exception);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Complete();
        }
    }
}
