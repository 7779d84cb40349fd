using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// What a one-time data upgrade (<see cref="StoreSchemaBuilder.Upgrade"/>) may do while the store opens: it runs on
/// the opening thread before the store writer exists, so it writes in its own transactions. An upgrade must be safe
/// to run again from the start after a crash, and must remove what made it needed as its last step.
/// </summary>
public sealed class StoreUpgrade
{
    private readonly LiteStore _store;

    internal StoreUpgrade(LiteStore store, ILogger log)
    {
        _store = store;
        Log = log;
    }

    public IDocumentStore Store => _store;

    public ILogger Log { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction: all its writes commit together or none does.</summary>
    public void InTransaction(Action<IDocumentStore> work) => _store.InTransaction(() => work(_store));

    public void DropIndex<T>(string name) where T : class => _store.Database.GetCollection<T>(_store.CollectionName<T>()).DropIndex(name);
}
