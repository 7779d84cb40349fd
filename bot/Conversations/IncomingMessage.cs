namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// A message or button press from any channel, normalised. Adapters build it; nothing past this point
/// knows which SDK or protocol it came from.
/// </summary>
public sealed record IncomingMessage
{
    /// <summary>"telegram", "teams" or "terminal".</summary>
    public required string Channel { get; init; }

    /// <summary>The user's id on the channel (Telegram user id, Teams user id).</summary>
    public required string ChannelUserId { get; init; }

    /// <summary>Where replies go (Telegram chat id, Teams conversation id).</summary>
    public required string ChatId { get; init; }

    /// <summary>True for a one-to-one chat with the bot; personal data is only shown there.</summary>
    public bool IsPrivate { get; init; } = true;

    /// <summary>Typed text (commands included), if any.</summary>
    public string? Text { get; init; }

    /// <summary>The choice id of a pressed button, if any.</summary>
    public string? ButtonPayload { get; init; }

    /// <summary>A phone number the user shared with the channel's contact button.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>A photo or file sent with the message, if any (<see cref="Text"/> then holds its caption, if any).</summary>
    public IncomingAttachment? Attachment { get; init; }

    /// <summary>The channel's idea of the user's language ("ru", "uk-UA", "en-US").</summary>
    public string? LanguageHint { get; init; }

    /// <summary>The user's display name on the channel (untrusted text).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Id of the bot message the pressed button belongs to, so a reply can edit it in place.</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>The identity key used for dialog state, throttling and linking.</summary>
    public string IdentityId => $"{Channel}:{ChannelUserId}";
}
