namespace LoyaltyBot.Api.Webhooks;

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items);
