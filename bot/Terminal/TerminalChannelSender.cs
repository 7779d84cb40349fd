using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Bot.Terminal;

/// <summary>Delivers outbox messages for terminal identities by printing them while the terminal chat runs.</summary>
public sealed class TerminalChannelSender(TerminalConsole console) : IChannelSender
{
    public const string Name = "terminal";

    public string Channel => Name;

    public ChannelLimits Limits { get; } = new(MessagesPerSecond: 20, MinIntervalPerChat: TimeSpan.Zero, MaxConcurrency: 1);

    public Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken)
    {
        if (recipient.ChannelUserId != console.UserId)
        {
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Transient("that terminal user is not chatting now"));
        }

        console.Show(message, notification: true);
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent(null));
    }
}
