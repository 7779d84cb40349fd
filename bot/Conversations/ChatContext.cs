using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>Everything a handler needs about the user and the moment.</summary>
public sealed record ChatContext
{
    public required IncomingMessage Message { get; init; }

    public required ChatIdentity Identity { get; init; }

    /// <summary>The linked member, if any (always set for <see cref="HandlerAccess.Member"/> handlers).</summary>
    public Member? Member { get; init; }

    public required Texts Texts { get; init; }

    /// <summary>The active dialog of this handler, if any.</summary>
    public DialogState? Dialog { get; init; }

    public required DateTimeOffset Now { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The ledger actor for changes the user causes: <c>chat:{channel}:{user}</c>.</summary>
    public string Actor => $"chat:{Identity.Id}";

    public Member RequiredMember => Member ?? throw new InvalidOperationException("The handler requires a linked member.");

    /// <summary>A turn with one message.</summary>
    public ConversationTurn Reply(ChatMessage message, string? notice = null) =>
        new() { Replies = [message], ButtonNotice = notice, Language = Texts.Language };

    public ConversationTurn Reply(RichText text, IReadOnlyList<IReadOnlyList<ChatButton>>? buttons = null) =>
        Reply(new ChatMessage { Text = text, Buttons = buttons ?? [] });

    /// <summary>For a button press: edit the message the button was on instead of sending a new one.</summary>
    public ConversationTurn ReplyInPlace(RichText text, IReadOnlyList<IReadOnlyList<ChatButton>>? buttons = null) =>
        Reply(new ChatMessage
        {
            Text = text,
            Buttons = buttons ?? [],
            ReplaceMessageId = Message.ButtonPayload is not null ? Message.SourceMessageId : null,
        });

    public ConversationTurn Notice(string notice) =>
        new() { ButtonNotice = notice, Language = Texts.Language };
}
