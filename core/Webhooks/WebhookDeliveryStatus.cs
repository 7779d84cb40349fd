namespace LoyaltyBot.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed (or the target was refused); no more tries.</summary>
    Failed,
}
