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
    /// </summary>
    public static IServiceCollection AddRewards(this IServiceCollection services)
    {
        services.AddRewardsCore();
        services.AddChatHandler<RewardsHandler>();
        services.AddChatHandler<MyRewardsHandler>();
        services.AddChatHandler<PendingRedemptionsHandler>();
        services.AddMenuItem(new MenuItem(30, "Rewards.Menu", "rw:p:1"));
        services.AddSingleton(new HelpEntry(30, "rewards", "Rewards.Help.Rewards", "Rewards.Command.Rewards"));
        services.AddSingleton(new HelpEntry(31, "myrewards", "Rewards.Help.MyRewards", "Rewards.Command.MyRewards"));
        services.AddSingleton(new HelpEntry(32, "pending", "Rewards.Help.Pending", "Rewards.Command.Pending", ManagersOnly: true));
        return services;
    }
}
