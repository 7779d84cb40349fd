using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Delivery;

public sealed class OutboxSenderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly RecordingChannelSender _channel;
    private ApiFactory _api;

    public OutboxSenderTests()
    {
        _channel = new RecordingChannelSender(_clock);
        _api = Start();
    }

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    private ApiFactory Start() =>
        new(_folder.File("loyalty.db"), _clock, services: s => s.AddSingleton<IChannelSender>(_channel));

    private async Task<ChatIdentity> Identity(string user) =>
        await _api.Services.GetRequiredService<ChatIdentities>().SeenAsync("test", user, user, true, null, CancellationToken.None);

    private Task Enqueue(ChatIdentity to, string text, string key) =>
        _api.Services.GetRequiredService<IStoreWriter>().WriteAsync(
            s => _api.Services.GetRequiredService<DeliveryOutbox>().Enqueue(s, to, ChatMessage.Plain(text), key));

    private OutboxMessage Stored(string key) =>
        _api.Services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().FindOne(m => m.DedupKey == key)!;

    [Fact]
    public async Task A_queued_message_is_delivered_once_and_recorded_as_sent()
    {
        var to = await Identity("u1");
        await Enqueue(to, "hello", "k1");
        await Enqueue(to, "hello again", "k1");

        await _channel.WaitUntil(() => Stored("k1").Status == OutboxStatus.Sent);
        await Task.Delay(300);
        Assert.Single(_channel.Delivered);
        Assert.Equal("hello", _channel.Delivered.Single().Message.Text.ToPlainText());
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_unreachable_and_others_still_get_their_messages()
    {
        var blocked = await Identity("blocked");
        var fine = await Identity("fine");
        _channel.Script("blocked", new DeliveryResult.Blocked("403"));
        await Enqueue(blocked, "one", "b1");
        await Enqueue(fine, "two", "f1");
        await _channel.WaitUntil(() => !_channel.Attempts.IsEmpty);
        _clock.Advance(TimeSpan.FromSeconds(1)); // the overall pacing runs on the fake clock

        await _channel.WaitUntil(() => Stored("b1").Status == OutboxStatus.Blocked && Stored("f1").Status == OutboxStatus.Sent);
        Assert.NotNull(_api.Services.GetRequiredService<ChatIdentities>().Get(blocked.Id)!.UnreachableSince);
    }

    [Fact]
    public async Task A_slow_down_request_is_honoured_before_the_message_is_sent_again()
    {
        var to = await Identity("u1");
        _channel.Script("u1", new DeliveryResult.RetryAfter(TimeSpan.FromSeconds(7)));
        await Enqueue(to, "hello", "k1");

        await _channel.WaitUntil(() => Stored("k1").LastError == "429");
        Assert.Equal(_clock.GetUtcNow().AddSeconds(7), Stored("k1").NotBefore);
        await Task.Delay(300);
        Assert.Empty(_channel.Delivered);

        _clock.Advance(TimeSpan.FromSeconds(8));
        await _channel.WaitUntil(() => Stored("k1").Status == OutboxStatus.Sent);
        Assert.Equal(0, Stored("k1").Attempts);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_and_given_up_after_the_limit()
    {
        var to = await Identity("u1");
        _channel.Script("u1", Enumerable.Repeat<DeliveryResult>(new DeliveryResult.Transient("502"), 6).ToArray());
        await Enqueue(to, "hello", "k1");

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await _channel.WaitUntil(() => _channel.Attempts.Count >= attempt);
            _clock.Advance(TimeSpan.FromMinutes(6));
        }

        await _channel.WaitUntil(() => Stored("k1").Status == OutboxStatus.Failed);
        Assert.Equal(6, Stored("k1").Attempts);
        Assert.Empty(_channel.Delivered);
    }

    [Fact]
    public async Task Two_messages_to_one_chat_are_at_least_the_per_chat_interval_apart()
    {
        var to = await Identity("u1");
        await Enqueue(to, "first", "k1");
        await Enqueue(to, "second", "k2");

        await _channel.WaitUntil(() => Stored("k1").Status == OutboxStatus.Sent);
        await Task.Delay(400);
        Assert.Equal(OutboxStatus.Pending, Stored("k2").Status);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await _channel.WaitUntil(() => Stored("k2").Status == OutboxStatus.Sent);
        Assert.Equal(["first", "second"], _channel.Delivered.Select(d => d.Message.Text.ToPlainText()));
    }

    [Fact]
    public async Task A_message_in_flight_when_the_process_died_is_recorded_as_unknown_and_not_resent()
    {
        var to = await Identity("u1");
        _api.Dispose();
        using (var store = new LiteStore(_folder.File("loyalty.db"), [new OutboxSchema()]))
        {
            store.Set<OutboxMessage>().Insert(new OutboxMessage
            {
                Id = 42,
                DedupKey = "crash",
                IdentityId = to.Id,
                Channel = "test",
                TextHtml = "in flight",
                Status = OutboxStatus.Sending,
                CreatedAt = _clock.GetUtcNow(),
                NotBefore = _clock.GetUtcNow(),
            });
        }

        _api = Start();
        await Enqueue(to, "after restart", "k2");
        await _channel.WaitUntil(() => Stored("k2").Status == OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Unknown, Stored("crash").Status);
        Assert.Equal(["after restart"], _channel.Delivered.Select(d => d.Message.Text.ToPlainText()));
    }
}
