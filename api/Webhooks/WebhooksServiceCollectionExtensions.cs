using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Api.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Outbound webhooks: the core (subscriptions, event outbox, dispatcher) and the background sender.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddWebhooksCore();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
