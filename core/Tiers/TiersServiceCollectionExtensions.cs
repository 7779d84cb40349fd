using LoyaltyBot.Core.Sales;
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
}
