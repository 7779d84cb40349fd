namespace LoyaltyBot.Core.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (maybe not before <c>NotBefore</c>).</summary>
    Pending,

    /// <summary>Handed to the channel; if the process dies now we cannot know whether it arrived.</summary>
    Sending,

    Sent,

    /// <summary>The user blocked the bot.</summary>
    Blocked,

    /// <summary>Gave up after retries, or the channel refused the message.</summary>
    Failed,

    /// <summary>Was in flight when the process stopped; deliberately not resent.</summary>
    Unknown,

    Cancelled,

    /// <summary>Never sent: its channel had no sender in the process that sends campaigns (see <see cref="IDeliveryChannels"/>).</summary>
    Skipped,
}
