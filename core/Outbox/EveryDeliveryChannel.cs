namespace LoyaltyBot.Core.Outbox;

/// <summary>
/// Used by hosts that register no channel senders' view (<see cref="IDeliveryChannels"/>): every channel counts as
/// deliverable, so nothing is skipped for want of a sender.
/// </summary>
public sealed class EveryDeliveryChannel : IDeliveryChannels
{
    public bool CanSend(string channel) => true;
}
