using Quartz;

namespace LoyaltyBot.Api.Scheduling;

/// <summary>The host's one Quartz.NET scheduler, shared by the features that schedule jobs (contests, broadcasts).</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// An in-memory scheduler (features rebuild their triggers from the store at startup) whose shutdown waits for running
    /// jobs. Safe to call from every feature that needs it: only the first call registers it.
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SchedulerRegistered)))
        {
            return services;
        }

        services.AddSingleton<SchedulerRegistered>();
        // No UseTimeProvider(instance) here: tests replace the TimeProvider registration after this runs, and Quartz 4
        // takes the container's TimeProvider when it was not handed one, so the scheduler runs on the host's clock
        // (a FakeTimeProvider in tests). A test asserts that it does.
        services.AddQuartz(q => q.UseDefaultThreadPool(4));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Marks the scheduler as registered.</summary>
    private sealed class SchedulerRegistered;
}
