using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Referrals;

/// <summary>Registers the referral program: codes, attribution, applications, bonuses (a sale observer) and figures (also the KPI report's referral conversion).</summary>
public static class ReferralServiceCollectionExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddStoreSchema<ReferralSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ReferralOptions.Section).Get<ReferralOptions>() ?? new ReferralOptions());
        services.AddSingleton<ReferralRegions>();
        services.AddSingleton<ReferralCodes>();
        services.AddSingleton<ReferralNotices>();
        services.AddSingleton<ReferralBonuses>();
        services.AddSingleton<ISaleObserver>(sp => sp.GetRequiredService<ReferralBonuses>());
        services.AddSingleton<ReferralApplications>();
        services.AddSingleton<ReferralInvitations>();
        services.AddSingleton<ReferralQueries>();
        services.AddSingleton<Reports.IReferralFunnel, ReferralFunnel>();
        return services;
    }
}
