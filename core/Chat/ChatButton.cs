namespace LoyaltyBot.Core.Chat;

/// <summary>
/// A button under a message. <see cref="Payload"/> is an opaque choice id (at most 64 bytes, routed by its
/// prefix); a button with <see cref="Url"/> opens a link instead; <see cref="RequestContact"/> asks the
/// channel for the user's phone number where it can (Telegram), else it is shown as a hint.
/// </summary>
public sealed record ChatButton(string Label, string? Payload = null, string? Url = null, bool RequestContact = false)
{
    public const int MaxPayloadBytes = 64;

    public static ChatButton Choice(string label, string payload) => new(label, Payload: payload);

    public static ChatButton Link(string label, string url) => new(label, Url: url);
}
