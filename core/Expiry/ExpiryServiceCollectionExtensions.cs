using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Expiry;

public static class ExpiryServiceCollectionExtensions
{
    /// <summary>Points expiry: the options (section <c>Expiry</c>), FIFO lots and the write-off step; needs <c>AddLoyaltyCore</c>.</summary>
    public static IServiceCollection AddPointsExpiryCore(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ExpiryOptions.Section).Get<ExpiryOptions>() ?? new ExpiryOptions());
        services.AddSingleton<PointsLots>();
        services.AddSingleton<PointsExpiry>();
        return services;
    }
}
