namespace LoyaltyBot.Bot.Conversations;

/// <summary>Configuration section <c>RateLimits:Chat</c>.</summary>
public sealed class ChatRateLimitOptions
{
    public const string Section = "RateLimits:Chat";

    /// <summary>Messages and button presses one chat identity may send per minute; 0 or less turns the limit off.</summary>
    public int MessagesPerMinute { get; set; } = 30;
}
