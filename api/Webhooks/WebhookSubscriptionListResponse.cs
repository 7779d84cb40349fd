namespace LoyaltyBot.Api.Webhooks;

public sealed record WebhookSubscriptionListResponse(IReadOnlyList<WebhookSubscriptionResponse> Items);
