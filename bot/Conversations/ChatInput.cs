namespace LoyaltyBot.Bot.Conversations;

/// <summary>What the user did, as a handler sees it.</summary>
public abstract record ChatInput
{
    /// <summary><c>/name args</c>; the name is lower case without the slash or @bot suffix.</summary>
    public sealed record Command(string Name, string Args) : ChatInput;

    /// <summary>A pressed button: <see cref="Args"/> is the payload after the handler's prefix and colon.</summary>
    public sealed record Button(string Args) : ChatInput;

    /// <summary>Free text while the handler's dialog is active.</summary>
    public sealed record Text(string Value) : ChatInput;

    /// <summary>A photo or file sent while the handler's dialog is active (its caption, if any, is not passed on).</summary>
    public sealed record Attachment(IncomingAttachment File) : ChatInput;

    /// <summary>A phone number shared with the channel's contact button while the handler's dialog is active.</summary>
    public sealed record Contact(string Phone) : ChatInput;
}
