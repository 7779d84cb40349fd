using LoyaltyBot.Core.Contests;
using LoyaltyBot.Api.Scheduling;
using Quartz;

namespace LoyaltyBot.Api.Contests;

/// <summary>
/// Turns a contest's stored state into Quartz triggers; the store is the source of truth, so every call first reloads
/// the contest and replaces all of its triggers. The rule (also applied at startup, see <see cref="ContestScheduleStartup"/>):
/// <list type="bullet">
/// <item>Start announcement, if not done: at <c>startsAt</c>, or at once when that has passed (a start missed while the
/// app was down runs once at startup) — unless the contest has already ended.</item>
/// <item>Finish, if not done: at <c>endsAt</c>, or at once when that has passed (also completes an interrupted finish).</item>
/// <item>Reminders: only occurrences still ahead are scheduled; one whose time passed while the app was down is skipped,
/// never sent late. Cron reminders run from <c>max(startsAt, now)</c> to <c>endsAt</c> in the contest's time zone
/// (misfire: do nothing); «N days before the end» is a one-shot at the end's wall-clock time N calendar days earlier in
/// the contest's zone (<see cref="Contest.DaysBeforeEnd"/>, not <c>endsAt − N × 24 h</c>; misfire: skip).</item>
/// <item>A cancelled or finished contest has no triggers.</item>
/// </list>
/// </summary>
internal sealed class QuartzContestSchedule(ISchedulerFactory factory, ContestQueries contests, TimeProvider time) : IContestSchedule
{
    /// <summary>Reminder cron expressions must not fire more often than this.</summary>
    public static readonly TimeSpan MinReminderInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task ScheduleAsync(Contest contest, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            await DeleteJobsAsync(scheduler, contest.Id, cancellationToken);
            var current = contests.Get(contest.Id);
            if (current is null || current.CancelledAt is not null || current.FinishedAt is not null)
            {
                return;
            }

            var now = time.GetUtcNow();
            if (current.StartAnnouncedAt is null && current.FrozenAt is null && now < current.EndsAt)
            {
                var job = Job<StartAnnouncementJob>(ContestJobData.StartGroup, current.Id);
                await scheduler.ScheduleJob(job, OneShot(job, current.Id, Later(current.StartsAt, now), SimpleTriggerMisfireInstruction.FireNow), cancellationToken: cancellationToken);
            }

            var finish = Job<FinishContestJob>(ContestJobData.FinishGroup, current.Id);
            await scheduler.ScheduleJob(finish, OneShot(finish, current.Id, Later(current.EndsAt, now), SimpleTriggerMisfireInstruction.FireNow), cancellationToken: cancellationToken);

            var reminders = current.FrozenAt is null && now < current.EndsAt ? ReminderTriggers(current, now) : [];
            if (reminders.Length > 0)
            {
                var job = Job<ReminderJob>(ContestJobData.ReminderGroup, current.Id);
                await scheduler.ScheduleJob(job, reminders, cancellationToken: cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UnscheduleAsync(string contestId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await DeleteJobsAsync(await factory.GetScheduler(cancellationToken), contestId, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Parses the expression as Quartz does and refuses one that fires more than once an hour (or never).</summary>
    public string? CheckCron(string expression, TimeZoneInfo zone)
    {
        if (!CronExpression.TryParse(expression, out var cron) || cron is null)
        {
            return "Quartz cannot parse it (seconds minutes hours day-of-month month day-of-week [year], e.g. 0 0 10 ? * MON).";
        }

        cron = cron.WithTimeZone(zone);
        var first = cron.GetNextValidTimeAfter(time.GetUtcNow());
        var second = first is { } f ? cron.GetNextValidTimeAfter(f) : null;
        if (first is null)
        {
            return "it never fires.";
        }

        return second is { } s && s - first.Value < MinReminderInterval ? "it fires more often than once an hour." : null;
    }

    private ITrigger[] ReminderTriggers(Contest contest, DateTimeOffset now)
    {
        var zone = contest.ResolveZone();
        var triggers = new List<ITrigger>();
        for (var i = 0; i < contest.Announcements.Reminders.Count; i++)
        {
            triggers.Add(TriggerBuilder.Create(time)
                .WithIdentity($"{contest.Id}:cron:{i}", ContestJobData.ReminderGroup)
                .ForJob(new JobKey(contest.Id, ContestJobData.ReminderGroup))
                .UsingJobData(ContestJobData.ContestId, contest.Id)
                .StartAt(Later(contest.StartsAt, now))
                .EndAt(contest.EndsAt)
                .WithCronSchedule(contest.Announcements.Reminders[i], c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build());
        }

        foreach (var days in contest.Announcements.DaysBeforeEnd)
        {
            var at = contest.DaysBeforeEnd(days);
            if (at > now && at >= contest.StartsAt)
            {
                triggers.Add(TriggerBuilder.Create(time)
                    .WithIdentity($"{contest.Id}:days:{days}", ContestJobData.ReminderGroup)
                    .ForJob(new JobKey(contest.Id, ContestJobData.ReminderGroup))
                    .UsingJobData(ContestJobData.ContestId, contest.Id)
                    .StartAt(at)
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                    .Build());
            }
        }

        // A cron trigger whose whole window lies between two firings would never fire: leave it out.
        return triggers.Where(t => t.GetFireTimeAfter(t.StartTimeUtc.AddTicks(-1)) is { } next && (t.EndTimeUtc is null || next <= t.EndTimeUtc)).ToArray();
    }

    private ITrigger OneShot(IJobDetail job, string contestId, DateTimeOffset at, SimpleTriggerMisfireInstruction misfire) =>
        TriggerBuilder.Create(time)
            .WithIdentity(contestId, job.Key.Group)
            .ForJob(job)
            .UsingJobData(ContestJobData.ContestId, contestId)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(misfire))
            .Build();

    private static IJobDetail Job<TJob>(string group, string contestId) where TJob : IJob =>
        JobBuilder.Create<TJob>().WithIdentity(contestId, group).UsingJobData(ContestJobData.ContestId, contestId).Build();

    private static async Task DeleteJobsAsync(IScheduler scheduler, string contestId, CancellationToken cancellationToken)
    {
        foreach (var group in new[] { ContestJobData.StartGroup, ContestJobData.ReminderGroup, ContestJobData.FinishGroup })
        {
            await scheduler.RemoveJobAsync(new JobKey(contestId, group), cancellationToken);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
