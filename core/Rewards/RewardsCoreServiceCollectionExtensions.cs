using LoyaltyBot.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Rewards;

public static class RewardsCoreServiceCollectionExtensions
{
    /// <summary>The reward catalog and redemptions (store collections, rules, use cases, queries); needs <c>AddLoyaltyCore</c>.</summary>
    public static IServiceCollection AddRewardsCore(this IServiceCollection services)
    {
        services.AddStoreSchema<RewardsSchema>();
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection(RewardOptions.Section).Get<RewardOptions>() ?? new RewardOptions());
        services.AddSingleton<RewardRules>();
        services.AddSingleton<RewardCatalog>();
        services.AddSingleton<RewardQueries>();
        services.AddSingleton<RedemptionNotices>();
        services.AddSingleton<Redemptions>();
        services.AddSingleton<RedemptionQueries>();
        return services;
    }
}
