namespace LoyaltyBot.Bot.Conversations;

/// <summary>Configuration section <c>Chat</c>.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Chat";

    /// <summary>Inactivity after which an unfinished dialog is dropped.</summary>
    public int DialogTimeoutMinutes { get; set; } = 30;
}
