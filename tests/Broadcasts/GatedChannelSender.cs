using System.Collections.Concurrent;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Tests.Broadcasts;

/// <summary>A "test" channel that delivers the first <paramref name="deliverFirst"/> messages, then hangs on the next one (one at a time), as a dying process would.</summary>
public sealed class GatedChannelSender(int deliverFirst) : IChannelSender
{
    private int _started;

    public string Channel => "test";

    public ChannelLimits Limits { get; } = new(30, TimeSpan.FromSeconds(1), MaxConcurrency: 1);

    public ConcurrentQueue<string> Delivered { get; } = new();

    /// <summary>Set when a send is hanging (in flight).</summary>
    public TaskCompletionSource<string> Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _started) > deliverFirst)
        {
            Hanging.TrySetResult(recipient.ChatId);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        Delivered.Enqueue(recipient.ChatId);
        return new DeliveryResult.Sent($"m-{recipient.ChatId}");
    }
}
