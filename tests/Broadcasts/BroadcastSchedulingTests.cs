using LoyaltyBot.Api.Broadcasts;
using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LoyaltyBot.Tests.Broadcasts;

public sealed class BroadcastSchedulingTests
{
    [Fact]
    public async Task A_scheduled_broadcast_is_a_quartz_job_that_sends_at_its_time_and_not_before()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        var sendAt = scenario.Clock.GetUtcNow().AddHours(1);
        var id = await scenario.CreateOk(BroadcastScenario.Body(sendAt: sendAt));

        var trigger = Assert.Single(await (await Scheduler(scenario)).GetTriggersOfJob(QuartzBroadcastSchedule.KeyOf(id)));
        Assert.Equal(sendAt, trigger.NextFireTimeUtc);

        scenario.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        await Task.Delay(500);
        Assert.Empty(scenario.Outbox);
        Assert.Equal("scheduled", (await scenario.Get(id)).GetProperty("status").GetString());

        scenario.Clock.Advance(TimeSpan.FromSeconds(1));
        await scenario.UntilFinished(id);

        var delivery = Assert.Single(scenario.Channel.Delivered);
        Assert.True(delivery.At >= sendAt);
        Assert.True((await scenario.Get(id)).GetProperty("startedAt").GetDateTimeOffset() >= sendAt);
        await WaitUntilGone(scenario, id);
    }

    [Fact]
    public async Task Cancelling_a_scheduled_broadcast_removes_its_job_and_sends_nothing()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        var id = await scenario.CreateOk(BroadcastScenario.Body(sendAt: scenario.Clock.GetUtcNow().AddHours(1)));
        Assert.True(await (await Scheduler(scenario)).Exists(QuartzBroadcastSchedule.KeyOf(id)));

        var cancel = await scenario.Admin.PostAsync($"/api/v1/broadcasts/{id}/cancel", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, cancel.StatusCode);
        Assert.False(await (await Scheduler(scenario)).Exists(QuartzBroadcastSchedule.KeyOf(id)));
        scenario.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500);
        Assert.Empty(scenario.Channel.Delivered);
        Assert.Empty(scenario.Outbox);
    }

    [Fact]
    public async Task A_scheduled_broadcast_pending_across_a_restart_is_rebuilt_from_the_store_and_sent_once()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        await scenario.Linked("D-2", "2");
        var sendAt = scenario.Clock.GetUtcNow().AddHours(1);
        var id = await scenario.CreateOk(BroadcastScenario.Body(sendAt: sendAt));

        var afterRestart = new RecordingChannelSender(scenario.Clock);
        await scenario.RestartAsync(afterRestart, down: TimeSpan.FromMinutes(10));

        var trigger = Assert.Single(await (await Scheduler(scenario)).GetTriggersOfJob(QuartzBroadcastSchedule.KeyOf(id)));
        Assert.Equal(sendAt, trigger.NextFireTimeUtc);
        scenario.Clock.Advance(TimeSpan.FromMinutes(49));
        await Task.Delay(300);
        Assert.Empty(afterRestart.Delivered);

        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        await scenario.UntilFinished(id);
        var again = new RecordingChannelSender(scenario.Clock);
        await scenario.RestartAsync(again, down: TimeSpan.FromMinutes(1));
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        Assert.Equal(["1", "2"], afterRestart.Delivered.Select(d => d.ChatId).Order());
        Assert.Empty(again.Delivered);
        Assert.Empty(scenario.Channel.Delivered);
        Assert.False(await (await Scheduler(scenario)).Exists(QuartzBroadcastSchedule.KeyOf(id)));
    }

    [Fact]
    public async Task A_send_time_missed_while_the_app_was_down_sends_once_at_startup()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        var id = await scenario.CreateOk(BroadcastScenario.Body(sendAt: scenario.Clock.GetUtcNow().AddHours(1)));

        var afterRestart = new RecordingChannelSender(scenario.Clock);
        await scenario.RestartAsync(afterRestart, down: TimeSpan.FromHours(3));
        await scenario.UntilFinished(id);

        Assert.Equal("1", Assert.Single(afterRestart.Delivered).ChatId);
        Assert.Single(scenario.Outbox, m => m.Topic == Broadcast.TopicOf(id));
    }

    private static ValueTask<IScheduler> Scheduler(BroadcastScenario scenario) =>
        scenario.Api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task WaitUntilGone(BroadcastScenario scenario, string id)
    {
        var scheduler = await Scheduler(scenario);
        await scenario.Until(() => !scheduler.Exists(QuartzBroadcastSchedule.KeyOf(id)).AsTask().GetAwaiter().GetResult());
    }
}
