using LoyaltyBot.Core.Outbox;

namespace LoyaltyBot.Bot.Delivery;

/// <summary>The channels that have an available <see cref="IChannelSender"/> in this process (the ones the outbox sender delivers on).</summary>
public sealed class SenderChannels(IEnumerable<IChannelSender> senders) : IDeliveryChannels
{
    private readonly HashSet<string> _channels = senders.Where(s => s.IsAvailable).Select(s => s.Channel).ToHashSet(StringComparer.Ordinal);

    public bool CanSend(string channel) => _channels.Contains(channel);
}
