using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Broadcasts;

public static class BroadcastChatServiceCollectionExtensions
{
    /// <summary>
    /// Manager broadcasts: the core use cases and the managers' <c>/broadcast</c> flow (with its help line). Needs
    /// <c>AddLoyaltyCore</c>, <c>AddChat</c> and <c>AddRewards</c>; campaigns are sent by the scheduler the host adds
    /// (<c>AddBroadcastScheduling()</c> in the API). /broadcast has no <c>Command.*</c> text, so it stays out of the
    /// Telegram command menu every user sees. Campaigns skip recipients on channels without a sender in this process.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddSingleton<IDeliveryChannels, SenderChannels>();
        services.AddBroadcastsCore();
        services.AddChatHandler<BroadcastHandler>();
        services.AddSingleton(new HelpEntry(60, "Broadcasts.Help", ManagersOnly: true));
        return services;
    }
}
