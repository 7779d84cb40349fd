using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Webhooks;

internal sealed class WebhooksSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<WebhookSubscription>("webhook_subscriptions")
        .Collection<WebhookDelivery>("webhook_deliveries")
        .Index<WebhookDelivery, string>(d => d.SubscriptionId)
        .Index<WebhookDelivery, WebhookDeliveryStatus>(d => d.Status);
}
