using LoyaltyBot.Core.Contests;
using Quartz;

namespace LoyaltyBot.Api.Contests;

/// <summary>
/// Runs the contest jobs on Quartz.NET in this host: an in-memory scheduler whose triggers are rebuilt from the store
/// at startup, and a shutdown that waits for running jobs. Needs <c>AddContests()</c>.
/// </summary>
public static class ContestSchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddContestScheduling(this IServiceCollection services)
    {
        // No UseTimeProvider(instance) here: tests replace the TimeProvider registration after this runs, and Quartz 4
        // takes the container's TimeProvider when it was not handed one, so the scheduler runs on the host's clock
        // (a FakeTimeProvider in tests). A test asserts that it does.
        services.AddQuartz(q => q.UseDefaultThreadPool(4));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddTransient<StartAnnouncementJob>();
        services.AddTransient<ReminderJob>();
        services.AddTransient<FinishContestJob>();
        services.AddSingleton<IContestSchedule, QuartzContestSchedule>();
        services.AddHostedService<ContestScheduleStartup>();
        return services;
    }
}
