using LoyaltyBot.Core.Auth;
using LoyaltyBot.Core.Backups;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Joining;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
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
    public static IServiceCollection AddLoyaltyCore(this IServiceCollection services)
    {
        // Options are read when first resolved, so hosts and tests can still change configuration after registration.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => Section<StoreOptions>(sp, StoreOptions.Section));
        services.AddSingleton(sp => Section<ProgramOptions>(sp, ProgramOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<ProgramOptions>().CreateEarningRule());
        services.AddSingleton(sp => sp.GetRequiredService<ProgramOptions>().CreateTierLadder());
        services.AddSingleton(sp => sp.GetRequiredService<ProgramOptions>().CreateCalendar());

        services.AddStoreSchema<MemberSchema>();
        services.AddStoreSchema<LedgerSchema>();
        services.AddStoreSchema<SalesSchema>();
        services.AddStoreSchema<ApiKeySchema>();
        services.AddStoreSchema<IdentitySchema>();
        services.AddStoreSchema<JoiningSchema>();
        services.AddStoreSchema<OutboxSchema>();

        services.AddSingleton(sp => new LiteStore(
            sp.GetRequiredService<StoreOptions>().Path,
            sp.GetServices<IStoreSchema>(),
            sp.GetRequiredService<StoreOptions>().CheckpointPages,
            sp.GetRequiredService<ILogger<LiteStore>>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<LiteStore>());
        services.AddSingleton(sp => new StoreWriter(
            sp.GetRequiredService<LiteStore>(), sp.GetRequiredService<StoreOptions>(), sp.GetRequiredService<ILogger<StoreWriter>>()));
        services.AddSingleton<IStoreWriter>(sp => sp.GetRequiredService<StoreWriter>());

        services.AddSingleton<PointsLedger>();
        services.AddSingleton<PointsAdjustments>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<MemberRegistry>();
        services.AddSingleton<MemberQueries>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton(sp => Section<BackupOptions>(sp, BackupOptions.Section));
        services.AddSingleton<StoreBackups>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton(sp => Section<JoinOptions>(sp, JoinOptions.Section));
        services.AddSingleton<JoinCodes>();
        services.AddSingleton<ChatIdentities>();
        services.AddSingleton<DeliveryOutbox>();
        return services;
    }

    private static T Section<T>(IServiceProvider services, string name) where T : new() =>
        services.GetRequiredService<IConfiguration>().GetSection(name).Get<T>() ?? new T();

    /// <summary>Adds a feature's collections and indexes to the store.</summary>
    public static IServiceCollection AddStoreSchema<TSchema>(this IServiceCollection services)
        where TSchema : class, IStoreSchema
    {
        services.AddSingleton<IStoreSchema, TSchema>();
        return services;
    }
}
