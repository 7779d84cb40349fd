using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Tiers;

public static class TiersServiceCollectionExtensions
{
    /// <summary>Tier-up congratulations (a sale observer); needs <c>AddLoyaltyCore</c> and <c>AddRewardsCore</c>.</summary>
    public static IServiceCollection AddTierUpCongratulations(this IServiceCollection services)
    {
        services.AddSingleton<ISaleObserver, TierUpCongratulations>();
        return services;
    }

    /// <summary>The start-of-year step that brings stored tiers into the new program year; needs <c>AddLoyaltyCore</c>.</summary>
    public static IServiceCollection AddTierYearStartCore(this IServiceCollection services)
    {
        services.AddStoreSchema<TiersSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(TierYearOptions.Section).Get<TierYearOptions>() ?? new TierYearOptions());
        services.AddSingleton<TierYearStart>();
        return services;
    }
}
