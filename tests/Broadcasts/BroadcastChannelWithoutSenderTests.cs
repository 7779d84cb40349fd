using System.Net;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Broadcasts;

/// <summary>The API host has a sender for the "test" channel only: members linked through the terminal chat cannot be reached from it.</summary>
public sealed class BroadcastChannelWithoutSenderTests
{
    [Fact]
    public async Task Recipients_on_a_channel_without_a_sender_are_counted_as_skipped_and_the_campaign_finishes()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        await scenario.Linked("D-2", "2");
        await LinkedInTerminal(scenario, "D-T1", "t1");
        await LinkedInTerminal(scenario, "D-T2", "t2");
        var everyone = await scenario.CreateOk(BroadcastScenario.Body());
        var terminalOnly = await scenario.CreateOk(BroadcastScenario.Body(audience: new { channels = new[] { "terminal" } }));

        await scenario.UntilFinished(everyone);
        await scenario.UntilFinished(terminalOnly);

        var counts = (await scenario.Get(everyone)).GetProperty("counts");
        Assert.Equal((2, 2, 0), (counts.GetProperty("sent").GetInt32(), counts.GetProperty("skipped").GetInt32(), counts.GetProperty("queued").GetInt32()));
        var onlySkipped = await scenario.Get(terminalOnly);
        Assert.Equal("finished", onlySkipped.GetProperty("status").GetString());
        Assert.Equal(2, onlySkipped.GetProperty("recipients").GetInt32());
        Assert.Equal((0, 2), (onlySkipped.GetProperty("counts").GetProperty("sent").GetInt32(), onlySkipped.GetProperty("counts").GetProperty("skipped").GetInt32()));
        Assert.All(
            scenario.Outbox.Where(m => m.Channel == "terminal"),
            m => Assert.Equal((OutboxStatus.Skipped, "no sender for the terminal channel in the process that sends campaigns"), (m.Status, m.LastError)));
        Assert.Equal(["1", "2"], scenario.Channel.Delivered.Select(d => d.ChatId).Order());
    }

    [Fact]
    public async Task Deliveries_left_for_a_channel_that_lost_its_sender_at_a_restart_are_skipped_after_the_grace_period()
    {
        var dying = new GatedChannelSender(deliverFirst: 1);
        await using var scenario = new BroadcastScenario(dying);
        for (var i = 0; i < 3; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}");
        }

        var id = await scenario.CreateOk(BroadcastScenario.Body());
        await scenario.Until(() => dying.Hanging.Task.IsCompleted);
        await scenario.RestartAsync(new OtherChannelSender());
        // The grace counts from the dispatch's first run in this process; make sure it has begun before the clock moves.
        scenario.Api.Services.GetRequiredService<BroadcastDispatch>();

        scenario.Clock.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(500);
        var waiting = await scenario.Get(id);
        Assert.Equal("sending", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("counts").GetProperty("queued").GetInt32());

        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        await scenario.UntilFinished(id);

        var counts = (await scenario.Get(id)).GetProperty("counts");
        Assert.Equal(
            (1, 1, 1, 0),
            (counts.GetProperty("sent").GetInt32(), counts.GetProperty("unknown").GetInt32(), counts.GetProperty("skipped").GetInt32(), counts.GetProperty("queued").GetInt32()));
    }

    [Fact]
    public async Task Without_a_telegram_token_telegram_recipients_are_skipped_not_failed()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        await LinkedInTerminal(scenario, "D-TG", "5001", channel: "telegram");

        var id = await scenario.CreateOk(BroadcastScenario.Body());
        await scenario.UntilFinished(id);

        var counts = (await scenario.Get(id)).GetProperty("counts");
        Assert.Equal((1, 1, 0), (counts.GetProperty("sent").GetInt32(), counts.GetProperty("skipped").GetInt32(), counts.GetProperty("failed").GetInt32()));
    }

    private static async Task LinkedInTerminal(BroadcastScenario scenario, string externalId, string userId, string channel = "terminal")
    {
        var created = await scenario.Admin.CreateMember(externalId, $"Дилер {externalId}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var chat = new ChatDriver(scenario.Api.Services, userId, channel: channel);
        await chat.Say((await created.Json()).GetProperty("joinCode").GetString()!);
    }
}
