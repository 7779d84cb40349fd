using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Broadcasts;

public sealed class BroadcastCrashTests
{
    [Fact]
    public async Task A_host_stopped_mid_campaign_resumes_on_restart_and_every_recipient_gets_exactly_one_delivery()
    {
        const int members = 12;
        var dying = new GatedChannelSender(deliverFirst: 5);
        await using var scenario = new BroadcastScenario(dying);
        for (var i = 0; i < members; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}");
        }

        var id = await scenario.CreateOk(BroadcastScenario.Body());
        var pump = scenario.Until(() => dying.Hanging.Task.IsCompleted);
        await pump;
        var inFlight = await dying.Hanging.Task;

        var restarted = new RecordingChannelSender(scenario.Clock);
        await scenario.RestartAsync(restarted);
        await scenario.UntilFinished(id);

        var delivered = dying.Delivered.Concat(restarted.Delivered.Select(d => d.ChatId)).ToArray();
        Assert.Equal(members - 1, delivered.Length);
        Assert.Equal(delivered.Length, delivered.Distinct().Count());
        Assert.DoesNotContain(inFlight, delivered);
        var messages = scenario.Outbox.Where(m => m.Topic == Broadcast.TopicOf(id)).ToArray();
        Assert.Equal(members, messages.Length);
        Assert.Equal(OutboxStatus.Unknown, Assert.Single(messages, m => m.Status != OutboxStatus.Sent).Status);
        var counts = (await scenario.Get(id)).GetProperty("counts");
        Assert.Equal(members - 1, counts.GetProperty("sent").GetInt32());
        Assert.Equal(1, counts.GetProperty("unknown").GetInt32());
        Assert.Equal("finished", (await scenario.Get(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Running_the_dispatch_step_again_and_concurrently_queues_nobody_twice()
    {
        await using var scenario = new BroadcastScenario(new GatedChannelSender(deliverFirst: 0));
        for (var i = 0; i < 5; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}");
        }

        var dispatch = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BroadcastDispatch>(scenario.Api.Services);
        var id = await scenario.CreateOk(BroadcastScenario.Body());
        await Task.WhenAll(dispatch.RunAsync(id, CancellationToken.None), dispatch.RunAsync(id, CancellationToken.None), dispatch.RunAsync(id, CancellationToken.None));
        await dispatch.RunAsync(id, CancellationToken.None);

        Assert.Equal(5, scenario.Outbox.Count(m => m.Topic == Broadcast.TopicOf(id)));
        Assert.Equal(5, scenario.Outbox.Select(m => m.IdentityId).Distinct().Count());
    }
}
