using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>Reads campaigns and counts their deliveries from the outbox; never waits for the writer.</summary>
public sealed class BroadcastQueries(IDocumentStore store)
{
    public Broadcast? Get(string id) => store.Set<Broadcast>().Get(id);

    /// <summary>Campaigns still to send or sending (the scheduler rebuilds their jobs from these at startup).</summary>
    public IReadOnlyList<Broadcast> Open() =>
        store.Set<Broadcast>().Find(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending);

    /// <summary>Newest first.</summary>
    public BroadcastPage List(int page, int pageSize)
    {
        var set = store.Set<Broadcast>();
        var items = set.FindOrdered(null, b => b.Id, descending: true, (page - 1) * pageSize, pageSize);
        return new BroadcastPage(items, page, pageSize, set.Count());
    }

    public BroadcastCounts Counts(string id) => Counts(store, id);

    /// <summary>Also usable inside a write operation, where it sees the transaction's own writes.</summary>
    public static BroadcastCounts Counts(IDocumentStore store, string id)
    {
        var topic = Broadcast.TopicOf(id);
        int queued = 0, sent = 0, blocked = 0, failed = 0, unknown = 0, cancelled = 0, skipped = 0;
        foreach (var message in store.Set<OutboxMessage>().Find(m => m.Topic == topic))
        {
            switch (message.Status)
            {
                case OutboxStatus.Pending or OutboxStatus.Sending: queued++; break;
                case OutboxStatus.Sent: sent++; break;
                case OutboxStatus.Blocked: blocked++; break;
                case OutboxStatus.Failed: failed++; break;
                case OutboxStatus.Unknown: unknown++; break;
                case OutboxStatus.Cancelled: cancelled++; break;
                case OutboxStatus.Skipped: skipped++; break;
            }
        }

        return new BroadcastCounts(queued, sent, blocked, failed, unknown, cancelled, skipped);
    }
}
