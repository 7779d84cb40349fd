using LoyaltyBot.Core.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Tiers;

public static class TierYearServiceCollectionExtensions
{
    /// <summary>The start-of-year tier step with its clock (<c>TierYearStart:PollSeconds</c>, 0 turns the clock off).</summary>
    public static IServiceCollection AddTierYearStart(this IServiceCollection services)
    {
        services.AddTierYearStartCore();
        services.AddHostedService<TierYearClock>();
        return services;
    }
}
