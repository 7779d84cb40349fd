namespace LoyaltyBot.Bot.Conversations;

/// <summary>What to do with a chat message under the per-user limit.</summary>
public enum ChatRateVerdict
{
    Allowed,

    /// <summary>The first message over the limit: answer once, politely, and do nothing else.</summary>
    SlowDown,

    /// <summary>Further messages in the same window: no answer, no work.</summary>
    Ignore,
}
