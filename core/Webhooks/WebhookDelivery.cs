namespace LoyaltyBot.Core.Webhooks;

/// <summary>One event for one subscription, written in the transaction that caused it and delivered later.</summary>
public sealed record WebhookDelivery
{
    /// <summary>Time-ordered id; also the event id in the body and the <c>X-LoyaltyBot-Delivery</c> header.</summary>
    public required string Id { get; init; }

    public required string SubscriptionId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The exact JSON body that is sent and signed.</summary>
    public required string Body { get; init; }

    public WebhookDeliveryStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public List<WebhookAttempt> Attempts { get; init; } = [];
}
