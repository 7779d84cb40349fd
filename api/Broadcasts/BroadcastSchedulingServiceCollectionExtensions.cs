using LoyaltyBot.Api.Scheduling;
using LoyaltyBot.Core.Broadcasts;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>
/// Sends campaigns with Quartz.NET in this host: one job per scheduled or sending campaign, rebuilt from the store at
/// startup, and a shutdown that waits for running jobs. Needs <c>AddBroadcasts()</c>.
/// </summary>
public static class BroadcastSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddBroadcastScheduling(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddTransient<SendBroadcastJob>();
        services.AddSingleton<IBroadcastSchedule, QuartzBroadcastSchedule>();
        services.AddHostedService<BroadcastScheduleStartup>();
        return services;
    }
}
