using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Achievements;

public static class AchievementsServiceCollectionExtensions
{
    /// <summary>Achievements: rules, badges, the <see cref="AchievementTracker.Record"/> hook and the sale observer; needs <c>AddLoyaltyCore</c>.</summary>
    public static IServiceCollection AddAchievementsCore(this IServiceCollection services)
    {
        services.AddStoreSchema<AchievementsSchema>();
        services.AddSingleton<AchievementTracker>();
        services.AddSingleton<AchievementRuleBook>();
        services.AddSingleton<ISaleObserver, AchievementsOnSale>();
        return services;
    }
}
