namespace LoyaltyBot.Core.Storage;

/// <summary>
/// The single write path. Operations are queued, run one after another on one writer thread
/// and committed together in one transaction (group commit); the returned task completes only
/// after the batch holding the operation is durable on disk.
/// </summary>
/// <remarks>
/// An operation must be synchronous, must validate before it writes, and must return a value
/// describing a user's mistake instead of throwing. If an operation throws, its batch is rolled
/// back and every operation of the batch is run again alone, so one bug cannot sink the others.
/// </remarks>
public interface IStoreWriter
{
    Task<T> WriteAsync<T>(Func<IDocumentStore, T> operation, CancellationToken cancellationToken = default);
}
