namespace LoyaltyBot.Bot.Delivery;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Failed attempts (not counting 429 slow-downs) before a message is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>
    /// How long a message may wait for a channel that has no sender in this process before it is given up as skipped
    /// (Telegram's token removed, Teams switched off): waiting ones are read with every look for due messages.
    /// </summary>
    public int NoSenderKeepHours { get; set; } = 72;
}
