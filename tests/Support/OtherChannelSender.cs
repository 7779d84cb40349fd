using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Tests.Support;

/// <summary>A sender for a channel no test identity is on: a host with only this one has no sender for "test".</summary>
public sealed class OtherChannelSender : IChannelSender
{
    public string Channel => "other";

    public ChannelLimits Limits { get; } = new(30, TimeSpan.FromSeconds(1));

    public Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Sent(null));
}
