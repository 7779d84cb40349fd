using LoyaltyBot.Core.Expiry;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Expiry;

public static class ExpiryChatServiceCollectionExtensions
{
    /// <summary>Points expiry with its clock (does nothing while <c>Expiry:Mode</c> is <c>never</c>).</summary>
    public static IServiceCollection AddPointsExpiry(this IServiceCollection services)
    {
        services.AddPointsExpiryCore();
        services.AddHostedService<ExpiryClock>();
        return services;
    }
}
