using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Bot.Menu;
using LoyaltyBot.Core.Contests;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Contests;

/// <summary>Registers contests in chat: <c>/top</c>, the menu item, the announcement texts and the leaderboard warm-up. Needs <c>AddContests()</c>.</summary>
public static class ContestChatServiceCollectionExtensions
{
    public static IServiceCollection AddContestChat(this IServiceCollection services)
    {
        services.AddSingleton<ContestMessages>();
        services.AddSingleton<IContestMessages>(sp => sp.GetRequiredService<ContestMessages>());
        services.AddChatHandler<TopHandler>();
        services.AddMenuItem(new MenuItem(60, "Contests.Menu", ContestMessages.TopPayload));
        services.AddSingleton(new HelpEntry(45, "Contests.Help"));
        services.AddHostedService<LeaderboardWarmup>();
        return services;
    }
}
