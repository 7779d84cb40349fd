using System.Collections.Concurrent;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Tests.Support;

/// <summary>A stand-in chat channel ("test"): records deliveries and answers with scripted results.</summary>
public sealed class RecordingChannelSender(TimeProvider time) : IChannelSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DeliveryResult>> _scripts = new();

    public string Channel => "test";

    public ChannelLimits Limits { get; set; } = new(30, TimeSpan.FromSeconds(1));

    public ConcurrentQueue<(string ChatId, ChatMessage Message, DateTimeOffset At)> Delivered { get; } = new();

    public ConcurrentQueue<string> Attempts { get; } = new();

    /// <summary>The next sends to this chat answer these results, in order; after that they succeed.</summary>
    public void Script(string chatId, params DeliveryResult[] results) =>
        _scripts.GetOrAdd(chatId, _ => new ConcurrentQueue<DeliveryResult>()).AddRange(results);

    public Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(recipient.ChatId);
        if (_scripts.TryGetValue(recipient.ChatId, out var queue) && queue.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        Delivered.Enqueue((recipient.ChatId, message, time.GetUtcNow()));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent($"msg-{Delivered.Count}"));
    }

    public async Task WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(20);
        }
    }
}

internal static class ConcurrentQueueExtensions
{
    public static void AddRange<T>(this ConcurrentQueue<T> queue, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            queue.Enqueue(item);
        }
    }
}
