using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Bot.Delivery;

/// <summary>Delivers a channel-neutral message to one identity on one channel. Implemented by each adapter.</summary>
public interface IChannelSender
{
    /// <summary>"telegram", "teams", "terminal".</summary>
    string Channel { get; }

    ChannelLimits Limits { get; }

    /// <summary>Whether this process can send on the channel at all (Telegram without a bot token cannot); checked once at start.</summary>
    bool IsAvailable => true;

    /// <summary>Sends (or edits, when <see cref="ChatMessage.ReplaceMessageId"/> is set). Must not throw for channel errors: map them to a <see cref="DeliveryResult"/>.</summary>
    Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken);
}
