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

    private async Task<ChatIdentity> Identity(string user, string channel = "test") =>
        await _api.Services.GetRequiredService<ChatIdentities>().SeenAsync(channel, user, user, true, null, CancellationToken.None);

    private Task Enqueue(ChatIdentity to, string text, string key) =>
        _api.Services.GetRequiredService<IStoreWriter>().WriteAsync(
            s => _api.Services.GetRequiredService<DeliveryOutbox>().Enqueue(s, to, ChatMessage.Plain(text), key));

    private Task EnqueueMany(IEnumerable<(ChatIdentity To, string Key, bool Bulk)> messages) =>
        _api.Services.GetRequiredService<IStoreWriter>().WriteAsync(s =>
        {
            var outbox = _api.Services.GetRequiredService<DeliveryOutbox>();
            foreach (var (to, key, bulk) in messages)
            {
                outbox.Enqueue(s, to, ChatMessage.Plain(key), key, bulk: bulk);
            }

            return true;
        });

    /// <summary>Moves the fake clock on (the channel's pacing runs on it) until the condition holds.</summary>
    private async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(20);
        }
    }

    private OutboxMessage Stored(string key) =>
        _api.Services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().FindOne(m => m.DedupKey == key)!;

    [Fact]
    public async Task A_member_s_message_is_not_sent_to_a_chat_that_no_longer_belongs_to_the_member()
    {
        var chat = await Identity("u1");
        // Queued while the chat was the member's; the chat is now nobody's (unlinked between marking and sending).
        await Enqueue(chat with { MemberId = "member-1" }, "voucher SECRET-2", "k-unlinked");
        await Enqueue(chat, "hello stranger", "k-stranger");

        await Until(() => Stored("k-stranger").Status == OutboxStatus.Sent
            && Stored("k-unlinked").Status is not (OutboxStatus.Pending or OutboxStatus.Sending));

        Assert.Equal(OutboxStatus.Cancelled, Stored("k-unlinked").Status);
        Assert.DoesNotContain(_channel.Delivered, d => d.Message.Text.Html.Contains("SECRET-2"));
    }

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

    [Fact]
    public async Task Many_messages_for_a_channel_without_a_sender_do_not_hold_up_the_ones_behind_them()
    {
        // More than one read of the due list holds (100 personal, 500 bulk), all older than the deliverable ones.
        var terminal = await Identity("t1", channel: "terminal");
        var dead = Enumerable.Range(0, 150).Select(i => (terminal, $"dead-p{i}", false))
            .Concat(Enumerable.Range(0, 600).Select(i => (terminal, $"dead-b{i}", true)));
        await EnqueueMany(dead);
        var live = new List<(ChatIdentity, string, bool)>();
        for (var i = 0; i < 3; i++)
        {
            live.Add((await Identity($"p{i}"), $"live-p{i}", false));
            live.Add((await Identity($"b{i}"), $"live-b{i}", true));
        }

        await EnqueueMany(live);

        await Until(() => live.All(l => Stored(l.Item2).Status == OutboxStatus.Sent));
        Assert.Equal(6, _channel.Delivered.Count);
        Assert.All(
            new[] { "dead-p0", "dead-p149", "dead-b0", "dead-b599" }.Select(Stored),
            m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task A_personal_message_for_a_channel_without_a_sender_waits_and_goes_out_once_the_channel_is_back()
    {
        var to = await Identity("u1");
        _api.Dispose();
        _api = new ApiFactory(_folder.File("loyalty.db"), _clock); // no sender for the "test" channel
        await Enqueue(to, "your voucher", "k1");
        _clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);
        Assert.Equal((OutboxStatus.Pending, 0), (Stored("k1").Status, Stored("k1").Attempts));

        _api.Dispose();
        _api = Start();
        await _channel.WaitUntil(() => Stored("k1").Status == OutboxStatus.Sent);
        Assert.Equal(["your voucher"], _channel.Delivered.Select(d => d.Message.Text.ToPlainText()));
    }

    [Fact]
    public async Task A_message_that_waited_too_long_for_a_channel_without_a_sender_is_skipped()
    {
        var to = await Identity("u1");
        _api.Dispose();
        // A sender for another channel only: the "test" messages wait, and every look for due messages reads them.
        _api = new ApiFactory(_folder.File("loyalty.db"), _clock, services: s => s.AddSingleton<IChannelSender>(new OtherChannelSender()));
        await Enqueue(to, "old news", "old");
        _clock.Advance(TimeSpan.FromHours(50));
        await Enqueue(to, "fresh news", "fresh");

        _clock.Advance(TimeSpan.FromHours(23));
        await Until(() => Stored("old").Status == OutboxStatus.Skipped);

        Assert.Equal("waited 72 hours for a sender for the test channel", Stored("old").LastError);
        Assert.Equal(OutboxStatus.Pending, Stored("fresh").Status);
    }
}
