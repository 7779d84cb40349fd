namespace LoyaltyBot.Core.Outbox;

/// <summary>
/// The chat channels this process can deliver on. One process holds the store at a time, so a channel without a
/// sender here is a channel nothing delivers on until the process restarts with it: its personal messages wait in the
/// outbox (without holding up other channels) and campaigns count their recipients on it as skipped.
/// </summary>
public interface IDeliveryChannels
{
    /// <summary>True when this process has a sender for <paramref name="channel"/> ("telegram", "teams", "terminal").</summary>
    bool CanSend(string channel);
}
