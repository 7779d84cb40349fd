using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyBot.Core.Broadcasts;

public static class BroadcastServiceCollectionExtensions
{
    /// <summary>
    /// The campaign domain: collection, rules, use cases, dispatch step, queries. Needs <c>AddLoyaltyCore</c> and the rewards
    /// core (for "not redeemed"); without a scheduler (<c>AddBroadcastScheduling()</c> in the API) nothing is sent by itself.
    /// </summary>
    public static IServiceCollection AddBroadcastsCore(this IServiceCollection services)
    {
        services.AddStoreSchema<BroadcastSchema>();
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection(BroadcastOptions.Section).Get<BroadcastOptions>() ?? new BroadcastOptions());
        services.TryAddSingleton<IBroadcastSchedule, NoBroadcastSchedule>();
        // The chat host registers the channels it has senders for; without one, no recipient is skipped.
        services.TryAddSingleton<IDeliveryChannels, EveryDeliveryChannel>();
        services.AddSingleton<BroadcastRules>();
        services.AddSingleton<BroadcastRecipients>();
        services.AddSingleton<BroadcastCampaigns>();
        services.AddSingleton<BroadcastDispatch>();
        services.AddSingleton<BroadcastQueries>();
        return services;
    }
}
