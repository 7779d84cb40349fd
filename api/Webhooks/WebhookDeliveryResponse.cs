using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Api.Webhooks;

public sealed record WebhookDeliveryResponse(
    string Id,
    string EventType,
    WebhookDeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> Attempts,
    string Body)
{
    public static WebhookDeliveryResponse Of(WebhookDelivery d) =>
        new(d.Id, d.EventType, d.Status, d.CreatedAt, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.Attempts, d.Body);
}
