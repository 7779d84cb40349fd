using System.Text.Json;
using System.Text.Json.Serialization;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Webhooks;

/// <summary>
/// Writes events for the webhook subscriptions inside the caller's write transaction (so an event exists exactly when
/// the change committed); <see cref="WebhookDispatcher"/> delivers them later and never holds up the change.
/// </summary>
public sealed class WebhookOutbox(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new StorePrecisionTimeConverter() },
    };

    /// <summary>Raised after an event was written, so the sender can look sooner than its next poll.</summary>
    public event Action? Emitted;

    /// <summary>
    /// Queues <paramref name="data"/> as an event of <paramref name="eventType"/> for every active subscription to it
    /// (the referrals and contests features call this with <c>referral.qualified</c> and <c>contest.finished</c>).
    /// Returns how many deliveries were queued.
    /// </summary>
    public int Emit(IDocumentStore store, string eventType, object data)
    {
        var subscriptions = store.Derived<WebhookSubscription, WebhookSubscription[]>("active", all => [.. all.Find(s => s.IsActive)])
            .Where(s => s.EventTypes.Contains(eventType)).ToArray();
        if (subscriptions.Length == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var deliveries = store.Set<WebhookDelivery>();
        foreach (var subscription in subscriptions)
        {
            var id = StoreIds.New();
            var body = JsonSerializer.Serialize(new { id, type = eventType, occurredAt = now, data }, Json);
            deliveries.Insert(new WebhookDelivery
            {
                Id = id,
                SubscriptionId = subscription.Id,
                EventType = eventType,
                Body = body,
                Status = WebhookDeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        Emitted?.Invoke();
        return subscriptions.Length;
    }
}
