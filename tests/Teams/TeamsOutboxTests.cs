using System.Net;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Fakes.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Teams;

/// <summary>Proactive messages through the outbox reach Teams users by their stored conversation reference.</summary>
public sealed class TeamsOutboxTests : IAsyncLifetime
{
    private const string PersonalMessage = "message_personal_with_aadObjectId_2018.json";
    private const string TeamInstall = "installationUpdate_add_team_2020.json";

    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FakeBotFrameworkServer Fake => _host.Fake;

    private IServiceProvider Services => _host.Api.Services;

    /// <summary>A dealer linked in a personal chat: the reference holds the personal conversation.</summary>
    private async Task<ChatIdentity> LinkedDealerAsync()
    {
        var code = await _host.EnrolAsync("D-1", "Dealer");
        var activity = _host.Activity(PersonalMessage);
        activity["text"] = code;
        Assert.Equal(HttpStatusCode.OK, (await _host.Post(activity)).StatusCode);
        return _host.Identity("29:uniqueId")!;
    }

    private Task<int> EnqueueForMember(string memberId, string text, string key) =>
        Services.GetRequiredService<IStoreWriter>().WriteAsync(
            s => Services.GetRequiredService<DeliveryOutbox>().EnqueueForMember(s, memberId, _ => ChatMessage.Plain(text), key));

    private Task<bool> Enqueue(ChatIdentity to, ChatMessage message, string key) =>
        Services.GetRequiredService<IStoreWriter>().WriteAsync(
            s => Services.GetRequiredService<DeliveryOutbox>().Enqueue(s, to, message, key));

    private OutboxMessage? Stored(string prefix) =>
        Services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().Find(m => m.Channel == "teams")
            .SingleOrDefault(m => m.DedupKey.StartsWith(prefix, StringComparison.Ordinal));

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_proactive_message_uses_the_stored_personal_conversation()
    {
        var dealer = await LinkedDealerAsync();
        var before = Fake.Calls.Count;

        Assert.Equal(1, await EnqueueForMember(dealer.MemberId!, "Your order has shipped", "ship-1"));

        var sent = await Fake.WaitForCallAsync(c => c.Text == "Your order has shipped");
        Assert.Equal(("send", "a:uniqueId"), (sent.Kind, sent.ConversationId));
        Assert.DoesNotContain(Fake.Calls.Skip(before), c => c.Kind == "create");
        await Eventually(() => Stored("ship-1")?.Status == OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_proactive_message_to_a_user_known_only_from_a_team_creates_the_personal_conversation_first()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostFixture(TeamInstall)).StatusCode);
        var user = _host.Identity("sample id")!;

        await Enqueue(user, ChatMessage.Plain("Hello from the program"), "hello-1");

        var created = await Fake.WaitForCallAsync(c => c.Kind == "create");
        Assert.Equal("sample id", created.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("sample tenant ID", created.Body["tenantId"]!.GetValue<string>());
        Assert.Equal("sample reciepent bot ID", created.Body["bot"]!["id"]!.GetValue<string>());
        var sent = await Fake.WaitForCallAsync(c => c.Text == "Hello from the program");
        Assert.Equal("a:created-conversation-1", sent.ConversationId);
        await Eventually(() => Stored("hello-1")?.Status == OutboxStatus.Sent);
        Assert.Equal("a:created-conversation-1", _host.Identity("sample id")!.Address["conversationId"]);
    }

    [Fact]
    public async Task A_message_with_buttons_goes_out_as_an_adaptive_card()
    {
        var dealer = await LinkedDealerAsync();
        var message = new ChatMessage
        {
            Text = RichText.Bold("Quiz time") + RichText.Escape("\nAnswer by Friday"),
            Buttons = [[ChatButton.Choice("Start", "quiz:1"), ChatButton.Link("Rules", "https://example.com/rules")]],
        };

        await Enqueue(dealer, message, "quiz-1");

        var sent = await Fake.WaitForCallAsync(c => c.Card is not null && c.Card.ToJsonString().Contains("Quiz time"));
        var actions = sent.Card!["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ActionSet")!["actions"]!.AsArray();
        Assert.Equal("quiz:1", actions[0]!["data"]!["choice"]!.GetValue<string>());
        Assert.Equal(("Action.OpenUrl", "https://example.com/rules"), (actions[1]!["type"]!.GetValue<string>(), actions[1]!["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_429_is_honoured_by_waiting_the_retry_after_before_sending_again()
    {
        var dealer = await LinkedDealerAsync();
        Fake.FailNext(new ConnectorFailure(429, RetryAfter: TimeSpan.FromSeconds(1)));

        await EnqueueForMember(dealer.MemberId!, "Slow down", "slow-1");

        await Eventually(() => Stored("slow-1")?.Status == OutboxStatus.Sent);
        var attempts = Fake.Calls.Where(c => c.Kind == "send").ToArray();
        Assert.Equal([429, 201], attempts.Select(c => c.StatusCode));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"resent after {(attempts[1].ReceivedAt - attempts[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(0, Stored("slow-1")!.Attempts);
    }

    [Fact]
    public async Task A_403_message_writes_blocked_marks_the_user_unreachable_and_is_not_retried()
    {
        var dealer = await LinkedDealerAsync();
        Fake.FailNext(new ConnectorFailure(403, ErrorCode: "MessageWritesBlocked"));

        await EnqueueForMember(dealer.MemberId!, "Are you there?", "blocked-1");

        await Eventually(() => Stored("blocked-1")?.Status == OutboxStatus.Blocked);
        Assert.NotNull(_host.Identity("29:uniqueId")!.UnreachableSince);
        await Task.Delay(300);
        Assert.Single(Fake.Calls, c => c.Kind == "send" && c.StatusCode == 403);
        Assert.Equal(0, await EnqueueForMember(dealer.MemberId!, "Still there?", "blocked-2"));
    }

    [Fact]
    public async Task A_502_is_retried_later()
    {
        var dealer = await LinkedDealerAsync();
        Fake.FailNext(new ConnectorFailure(502));

        await EnqueueForMember(dealer.MemberId!, "Flaky", "flaky-1");

        await Eventually(() => Stored("flaky-1")?.Attempts == 1);
        Assert.Equal(OutboxStatus.Pending, Stored("flaky-1")!.Status);
    }

    [Fact]
    public async Task The_connector_token_is_fetched_once_and_reused()
    {
        var dealer = await LinkedDealerAsync();

        await EnqueueForMember(dealer.MemberId!, "One", "one-1");
        await EnqueueForMember(dealer.MemberId!, "Two", "two-1");

        await Eventually(() => Stored("one-1")?.Status == OutboxStatus.Sent && Stored("two-1")?.Status == OutboxStatus.Sent);
        Assert.Single(Fake.TokenRequests);
        Assert.All(Fake.Calls, c => Assert.Equal("Bearer fake-connector-token-1", c.Authorization));
    }
}
