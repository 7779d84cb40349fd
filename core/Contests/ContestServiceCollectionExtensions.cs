using LoyaltyBot.Core.Expiry;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Registers the contest domain: collections, authoring, live scores (a sale and quiz observer), leaderboards,
/// announcements and finishing; keeps the rewards that contests name as prizes from being deleted. Needs
/// <c>AddContestChat()</c> for the messages; without a scheduler (<c>AddContestScheduling()</c> in the API) nothing
/// fires by itself.
/// </summary>
public static class ContestServiceCollectionExtensions
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        services.AddStoreSchema<ContestSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ContestOptions.Section).Get<ContestOptions>() ?? new ContestOptions());
        services.TryAddSingleton<IContestSchedule, NoContestSchedule>();
        services.AddSingleton<LiveContests>();
        services.AddSingleton<LeaderboardCache>();
        services.AddSingleton<ContestScores>();
        services.AddSingleton<ISaleObserver, ContestSaleObserver>();
        services.AddSingleton<IQuizRewardObserver, ContestQuizObserver>();
        services.AddSingleton<IPointsExpiryObserver, ContestExpiryObserver>();
        services.AddSingleton<PrizeRewards>();
        services.AddSingleton<IRewardReferences, ContestPrizeReferences>();
        services.AddSingleton<ContestValidator>();
        services.AddSingleton<ContestQueries>();
        services.AddSingleton<ContestLeaderboards>();
        services.AddSingleton<ContestNotifier>();
        services.AddSingleton<ContestAnnouncements>();
        services.AddSingleton<ContestFinishing>();
        services.AddSingleton<ContestAuthoring>();
        return services;
    }
}
