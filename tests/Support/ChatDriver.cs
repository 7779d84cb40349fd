using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Support;

/// <summary>Talks to the real conversation engine of a host as one chat user would, through the channel-neutral interface.</summary>
public sealed class ChatDriver(IServiceProvider services, string userId = "1001", string channel = "test", bool isPrivate = true, string? languageHint = "ru")
{
    private readonly IConversationEngine _engine = services.GetRequiredService<IConversationEngine>();

    public ConversationTurn? Last { get; private set; }

    public Task<ConversationTurn> Say(string text) => Send(new IncomingMessage
    {
        Channel = channel,
        ChannelUserId = userId,
        ChatId = userId,
        IsPrivate = isPrivate,
        Text = text,
        LanguageHint = languageHint,
    });

    public Task<ConversationTurn> Press(string payload, string? sourceMessageId = "m-1") => Send(new IncomingMessage
    {
        Channel = channel,
        ChannelUserId = userId,
        ChatId = userId,
        IsPrivate = isPrivate,
        ButtonPayload = payload,
        SourceMessageId = sourceMessageId,
        LanguageHint = languageHint,
    });

    public async Task<ConversationTurn> Send(IncomingMessage message)
    {
        Last = await _engine.HandleAsync(message, CancellationToken.None);
        return Last;
    }

    public static string AllText(ConversationTurn turn) => string.Join("\n", turn.Replies.Select(r => r.Text.ToPlainText()));

    public static IReadOnlyList<ChatButton> AllButtons(ConversationTurn turn) => turn.Replies.SelectMany(r => r.Buttons.SelectMany(row => row)).ToArray();
}
