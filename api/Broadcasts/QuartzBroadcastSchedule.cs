using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Api.Scheduling;
using Quartz;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>
/// Turns a campaign's stored state into one Quartz job (<see cref="SendBroadcastJob"/>, key = campaign id); the store is the
/// source of truth, so every call reloads the campaign and replaces its job. A scheduled or sending campaign fires at
/// <c>max(sendAt, now)</c> and then every <see cref="BroadcastOptions.ProgressSeconds"/>; a send time missed while the
/// app was down fires once at startup (see <see cref="BroadcastScheduleStartup"/>). Finished or cancelled: no job.
/// </summary>
internal sealed class QuartzBroadcastSchedule(ISchedulerFactory factory, BroadcastQueries broadcasts, BroadcastOptions options, TimeProvider time)
    : IBroadcastSchedule
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task ScheduleAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            await scheduler.RemoveJobAsync(KeyOf(broadcast.Id), cancellationToken);
            if (broadcasts.Get(broadcast.Id) is not { Status: BroadcastStatus.Scheduled or BroadcastStatus.Sending } current)
            {
                return;
            }

            var now = time.GetUtcNow();
            var job = JobBuilder.Create<SendBroadcastJob>()
                .WithIdentity(KeyOf(current.Id))
                .UsingJobData(BroadcastJobData.BroadcastId, current.Id)
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(current.Id, BroadcastJobData.Group)
                .ForJob(job)
                .StartAt(current.SendAt > now ? current.SendAt : now)
                .WithSimpleSchedule(s => s
                    .WithInterval(TimeSpan.FromSeconds(Math.Max(1, options.ProgressSeconds)))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UnscheduleAsync(string broadcastId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await (await factory.GetScheduler(cancellationToken)).RemoveJobAsync(KeyOf(broadcastId), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static JobKey KeyOf(string broadcastId) => new(broadcastId, BroadcastJobData.Group);
}
