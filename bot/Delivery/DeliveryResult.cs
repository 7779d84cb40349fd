namespace LoyaltyBot.Bot.Delivery;

/// <summary>How one attempt to deliver a message went; the outbox sender decides what happens next.</summary>
public abstract record DeliveryResult
{
    /// <summary>Delivered; <paramref name="MessageId"/> is the channel's id of the message (for later edits).</summary>
    public sealed record Sent(string? MessageId) : DeliveryResult;

    /// <summary>The channel asked us to slow down (HTTP 429); retry the same message after the delay.</summary>
    public sealed record RetryAfter(TimeSpan Delay) : DeliveryResult;

    /// <summary>The user blocked the bot or removed it (Telegram 403, Teams MessageWritesBlocked): never retry.</summary>
    public sealed record Blocked(string Reason) : DeliveryResult;

    /// <summary>A temporary failure (network, 5xx): retry with backoff.</summary>
    public sealed record Transient(string Reason) : DeliveryResult;

    /// <summary>The channel refused the message itself (400): retrying will not help.</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;
}
