using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Security;

/// <summary>A manager sees which chats are linked to a member, unlinks a lost one and withdraws join codes.</summary>
public sealed class LinkedChatsTests : IDisposable
{
    private readonly RewardsScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_member_s_linked_chats_are_listed_and_an_unlinked_one_is_a_stranger_again()
    {
        var lost = await _s.LinkedChat("D-1", "1001", points: 500);

        var listed = await _s.Admin.GetJson("/api/v1/members/D-1/chats");
        var chat = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("test:1001", chat.GetProperty("id").GetString());
        Assert.Equal("test", chat.GetProperty("channel").GetString());
        Assert.Equal("1001", chat.GetProperty("channelUserId").GetString());
        Assert.Equal(JsonValueKind.String, chat.GetProperty("linkedAt").ValueKind);

        var unlinked = await _s.Admin.DeleteAsync("/api/v1/members/D-1/chats/test:1001");

        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Empty((await _s.Admin.GetJson("/api/v1/members/D-1/chats")).GetProperty("items").EnumerateArray());
        var balance = RewardsScenario.Text(await lost.Say("/balance"));
        Assert.DoesNotContain("500", balance);
        Assert.Contains("Чтобы подключиться", balance);
        Assert.Equal(500m, await _s.Balance("D-1"));
    }

    [Fact]
    public async Task Messages_queued_for_the_member_in_an_unlinked_chat_are_cancelled_and_never_sent()
    {
        await _s.LinkedChat("D-1", "1001");
        var services = _s.Api.Services;
        var lost = services.GetRequiredService<ChatIdentities>().Get("test:1001")!;
        await services.GetRequiredService<IStoreWriter>().WriteAsync(s => services.GetRequiredService<DeliveryOutbox>()
            .Enqueue(s, lost, ChatMessage.Plain("Ваш ваучер: SECRET-1"), "voucher-1", notBefore: _s.Clock.GetUtcNow().AddHours(1)));

        var unlinked = await _s.Admin.DeleteAsync("/api/v1/members/D-1/chats/test:1001");
        _s.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        var stored = services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().FindOne(m => m.DedupKey == "voucher-1")!;
        Assert.Equal(OutboxStatus.Cancelled, stored.Status);
        Assert.Equal(ChatIdentities.UnlinkedReason, stored.LastError);
        Assert.DoesNotContain(_s.Channel.Delivered, d => d.Message.Text.Html.Contains("SECRET-1"));
    }

    [Fact]
    public async Task A_chat_is_unlinked_only_through_its_own_member()
    {
        await _s.LinkedChat("D-1", "1001");
        await _s.Member("D-2");

        var throughOther = await _s.Admin.DeleteAsync("/api/v1/members/D-2/chats/test:1001");
        var unknown = await _s.Admin.DeleteAsync("/api/v1/members/D-1/chats/test:9999");

        foreach (var response in new[] { throughOther, unknown })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("chat_not_found", (await response.Json()).GetProperty("code").GetString());
        }

        Assert.Single((await _s.Admin.GetJson("/api/v1/members/D-1/chats")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Revoked_join_codes_link_nobody_and_a_new_code_still_works()
    {
        await _s.Member("D-1");
        var first = await Code("D-1");
        var second = await Code("D-1");

        var revoked = await _s.Admin.DeleteAsync("/api/v1/members/D-1/join-codes");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(3, (await revoked.Json()).GetProperty("revoked").GetInt32()); // the enrolment's code and the two above
        foreach (var (code, user) in new[] { (first, "2001"), (second, "2002") })
        {
            Assert.Contains("Этот код не подходит", RewardsScenario.Text(await new ChatDriver(_s.Api.Services, user).Say($"/start join_{code}")));
        }

        var fresh = await Code("D-1");
        Assert.Contains("Ваш чат подключён", RewardsScenario.Text(await new ChatDriver(_s.Api.Services, "2003").Say($"/start join_{fresh}")));
        Assert.Equal(["test:2003"], (await _s.Admin.GetJson("/api/v1/members/D-1/chats")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString() ?? ""));
    }

    [Fact]
    public async Task Revoking_the_codes_of_an_unknown_member_is_a_404()
    {
        var response = await _s.Admin.DeleteAsync("/api/v1/members/NOPE/join-codes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_member", (await response.Json()).GetProperty("code").GetString());
    }

    private async Task<string> Code(string externalId)
    {
        var response = await _s.Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/join-code", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("joinCode").GetString()!;
    }
}
