using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>What the bot answers to one incoming message.</summary>
public sealed record ConversationTurn
{
    public IReadOnlyList<ChatMessage> Replies { get; init; } = [];

    /// <summary>A short notice for a button press (Telegram shows it as a toast); adapters must still acknowledge the press without it.</summary>
    public string? ButtonNotice { get; init; }

    /// <summary>The language the replies are written in.</summary>
    public string Language { get; init; } = "ru";

    public static ConversationTurn Nothing { get; } = new();
}
