namespace LoyaltyBot.Core.Storage;

/// <summary>Gives access to the document sets. Reads never wait for the writer.</summary>
public interface IDocumentStore
{
    IDocumentSet<T> Set<T>() where T : class;

    /// <summary>
    /// A value computed from one collection, such as "the active SPIFFs" or "the live subscriptions". Inside a
    /// write operation it is computed once and reused by every later operation until something writes to
    /// <typeparamref name="TDocument"/> (or a batch rolls back), so the hot path of a sale does not query
    /// collections that rarely change. Outside a write operation it is computed on every call. The value must be
    /// immutable and must depend on nothing but the collection.
    /// </summary>
    TResult Derived<TDocument, TResult>(string name, Func<IDocumentSet<TDocument>, TResult> compute) where TDocument : class;
}
