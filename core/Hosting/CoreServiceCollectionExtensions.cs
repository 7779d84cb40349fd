using LoyaltyBot.Core.Auth;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Hosting;

/// <summary>Registers the domain, its store and its single writer.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddLoyaltyCore(this IServiceCollection services, IConfiguration configuration)
    {
        var storeOptions = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var programOptions = configuration.GetSection(ProgramOptions.Section).Get<ProgramOptions>() ?? new ProgramOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(storeOptions);
        services.AddSingleton(programOptions);
        services.AddSingleton(programOptions.CreateEarningRule());
        services.AddSingleton(programOptions.CreateTierLadder());
        services.AddSingleton(programOptions.CreateCalendar());

        services.AddStoreSchema<MemberSchema>();
        services.AddStoreSchema<LedgerSchema>();
        services.AddStoreSchema<SalesSchema>();
        services.AddStoreSchema<ApiKeySchema>();

        services.AddSingleton(sp => new LiteStore(storeOptions.Path, sp.GetServices<IStoreSchema>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<LiteStore>());
        services.AddSingleton(sp => new StoreWriter(
            sp.GetRequiredService<LiteStore>(), storeOptions, sp.GetRequiredService<ILogger<StoreWriter>>()));
        services.AddSingleton<IStoreWriter>(sp => sp.GetRequiredService<StoreWriter>());

        services.AddSingleton<PointsLedger>();
        services.AddSingleton<PointsAdjustments>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<MemberRegistry>();
        services.AddSingleton<MemberQueries>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton<ApiKeys>();
        return services;
    }

    /// <summary>Adds a feature's collections and indexes to the store.</summary>
    public static IServiceCollection AddStoreSchema<TSchema>(this IServiceCollection services)
        where TSchema : class, IStoreSchema
    {
        services.AddSingleton<IStoreSchema, TSchema>();
        return services;
    }
}
