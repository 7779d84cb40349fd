using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Security;

/// <summary>What one member can reach of another's data through chat buttons and the per-member API routes.</summary>
public sealed class MemberIsolationTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Forged_history_paging_payloads_show_only_the_members_own_entries()
    {
        await _scenario.LinkedChat("D-1", "1001");
        var intruder = await _scenario.LinkedChat("D-2", "1002", points: 10);
        for (var i = 0; i < 12; i++)
        {
            var adjusted = await _scenario.Admin.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 1, reason = $"Secret deal {i}" });
            Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);
        }

        var memberId = _scenario.Api.Services.GetRequiredService<MemberQueries>().ByExternalId("D-1")!.Id;
        string[] forged = ["hist:1", "hist:2", "hist:-1", "hist:0", $"hist:{memberId}", $"hist:1:{memberId}", "hist:D-1", "hist:2:D-1", "hist:99999999999"];
        foreach (var payload in forged)
        {
            var turn = await intruder.Press(payload);
            Assert.DoesNotContain("Secret deal", RewardsScenario.Text(turn));
        }

        Assert.Contains("Secret deal", RewardsScenario.Text(await new ChatDriver(_scenario.Api.Services, "1001").Say("/history")));
    }

    [Fact]
    public async Task Personal_messages_still_go_to_the_private_chat_after_the_member_writes_in_a_group()
    {
        await _scenario.LinkedChat("D-1", "1001");
        await new ChatDriver(_scenario.Api.Services, "1001").Send(new IncomingMessage
        {
            Channel = "test",
            ChannelUserId = "1001",
            ChatId = "-100500",
            IsPrivate = false,
            Text = "/help",
        });

        Assert.True((await _scenario.Admin.PostSale("S-1", "D-1", 1200, _scenario.Clock.GetUtcNow())).IsSuccessStatusCode);

        Assert.Contains("Silver", await _scenario.DeliveredTo("1001", "Silver"));
        Assert.DoesNotContain(_scenario.Channel.Delivered, d => d.ChatId == "-100500");
        Assert.Equal("1001", _scenario.Api.Services.GetRequiredService<ChatIdentities>().Get(ChatIdentity.KeyOf("test", "1001"))!.ChatId);
    }

    [Fact]
    public async Task Another_members_redemption_cannot_be_cancelled_through_ones_own_api_route()
    {
        await _scenario.Member("D-1", points: 5000);
        await _scenario.Member("D-2", points: 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward(name: "Чужая кружка"));

        var cancel = await _scenario.Admin.PostAsync($"/api/v1/members/D-2/redemptions/{id}/cancel", null);
        var list = await _scenario.Admin.GetJson("/api/v1/members/D-2/redemptions");

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());
        Assert.DoesNotContain(id, list.ToString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
        Assert.Equal(5000, await _scenario.Balance("D-2"));
    }

    [Fact]
    public async Task A_member_cannot_approve_or_reject_redemptions_with_forged_manager_buttons()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var intruder = await _scenario.LinkedChat("D-2", "1002");
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward(name: "Кружка"));

        foreach (var payload in new[] { $"pnd:a:{id}", $"pnd:r:{id}", $"pnd:ay:{id}", $"pnd:ry:{id}", "pnd:p:1", "bc:send", "rep" })
        {
            await intruder.Press(payload);
        }

        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
    }
}
