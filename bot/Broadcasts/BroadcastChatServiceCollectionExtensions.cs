using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Broadcasts;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Broadcasts;

public static class BroadcastChatServiceCollectionExtensions
{
    /// <summary>
    /// Manager broadcasts: the core use cases, the managers' <c>/broadcast</c> flow (with its help line) and the clock
    /// that starts, expands, reports and finishes campaigns. Needs <c>AddLoyaltyCore</c>, <c>AddChat</c> and <c>AddRewards</c>.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddBroadcastsCore();
        services.AddChatHandler<BroadcastHandler>();
        services.AddSingleton(new HelpEntry(60, "Broadcasts.Help", ManagersOnly: true));
        services.AddSingleton<BroadcastClock>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastClock>());
        return services;
    }
}
