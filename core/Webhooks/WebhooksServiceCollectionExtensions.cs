using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Outbound webhooks: subscriptions, the event outbox (used by the ledger, members, sales and redemptions when
    /// registered) and the dispatcher. Options: section <c>Webhooks</c>. Needs <c>AddLoyaltyCore</c>.
    /// </summary>
    public static IServiceCollection AddWebhooksCore(this IServiceCollection services)
    {
        services.AddStoreSchema<WebhooksSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<ISaleObserver, WebhookTierEvents>();
        return services;
    }
}
