using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Bot.Menu;
using LoyaltyBot.Core.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Rewards;

public static class RewardsServiceCollectionExtensions
{
    /// <summary>
    /// The reward catalog and redemptions: the core use cases, <c>/rewards</c> (with the «Награды» menu button),
    /// <c>/myrewards</c> and the managers' <c>/pending</c>. Needs <c>AddLoyaltyCore</c> and <c>AddChat</c>.
    /// The Telegram command menu describes /rewards and /myrewards by their <c>Command.*</c> texts; /pending has none,
    /// so it stays out of the public menu.
    /// </summary>
    public static IServiceCollection AddRewards(this IServiceCollection services)
    {
        services.AddRewardsCore();
        services.AddChatHandler<RewardsHandler>();
        services.AddChatHandler<MyRewardsHandler>();
        services.AddChatHandler<PendingRedemptionsHandler>();
        services.AddMenuItem(new MenuItem(30, "Rewards.Menu", "rw:p:1"));
        services.AddSingleton(new HelpEntry(30, "Rewards.Help.Rewards"));
        services.AddSingleton(new HelpEntry(31, "Rewards.Help.MyRewards"));
        services.AddSingleton(new HelpEntry(32, "Rewards.Help.Pending", ManagersOnly: true));
        return services;
    }
}
