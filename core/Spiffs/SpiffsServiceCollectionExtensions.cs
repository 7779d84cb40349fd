using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Spiffs;

public static class SpiffsServiceCollectionExtensions
{
    /// <summary>SPIFFs: the collection, authoring, queries, the bonus on sales and the start announcements; needs <c>AddLoyaltyCore</c>.</summary>
    public static IServiceCollection AddSpiffsCore(this IServiceCollection services)
    {
        services.AddStoreSchema<SpiffsSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(SpiffOptions.Section).Get<SpiffOptions>() ?? new SpiffOptions());
        services.AddSingleton<SpiffBook>();
        services.AddSingleton<SpiffQueries>();
        services.AddSingleton<SpiffAnnouncements>();
        services.AddSingleton<ISaleObserver, SpiffBonus>();
        return services;
    }
}
