using LoyaltyBot.Api.Scheduling;
using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Api.Contests;

/// <summary>
/// Runs the contest jobs on Quartz.NET in this host: an in-memory scheduler whose triggers are rebuilt from the store
/// at startup, and a shutdown that waits for running jobs. Needs <c>AddContests()</c>.
/// </summary>
public static class ContestSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddContestScheduling(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddTransient<StartAnnouncementJob>();
        services.AddTransient<ReminderJob>();
        services.AddTransient<FinishContestJob>();
        services.AddSingleton<IContestSchedule, QuartzContestSchedule>();
        services.AddHostedService<ContestScheduleStartup>();
        return services;
    }
}
