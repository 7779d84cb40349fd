namespace LoyaltyBot.Core.Chat;

/// <summary>
/// A channel-neutral message: text in the <see cref="RichText"/> subset (bold, italic, links), rows of
/// buttons, an optional image. Telegram, Teams and the terminal each render it their own way.
/// </summary>
public sealed record ChatMessage
{
    public required RichText Text { get; init; }

    public IReadOnlyList<IReadOnlyList<ChatButton>> Buttons { get; init; } = [];

    public ChatImage? Image { get; init; }

    /// <summary>When set, the adapter edits this earlier message of the bot instead of sending a new one.</summary>
    public string? ReplaceMessageId { get; init; }

    public static ChatMessage Plain(string text) => new() { Text = RichText.Escape(text) };
}
