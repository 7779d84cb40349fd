using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Achievements;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Achievements;

public static class AchievementsChatServiceCollectionExtensions
{
    /// <summary>Achievements: the core (rules, badges, hooks) and <c>/achievements</c>. Needs <c>AddChat</c>.</summary>
    public static IServiceCollection AddAchievements(this IServiceCollection services)
    {
        services.AddAchievementsCore();
        services.AddChatHandler<AchievementsHandler>();
        services.AddSingleton(new HelpEntry(36, "Engagement.Help.Achievements"));
        return services;
    }
}
