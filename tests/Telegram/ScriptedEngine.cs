using System.Collections.Concurrent;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Tests.Telegram;

/// <summary>A stand-in conversation engine: records what the adapter hands it and answers what the test says.</summary>
public sealed class ScriptedEngine(Func<IncomingMessage, ConversationTurn> answer) : IConversationEngine
{
    public ConcurrentQueue<IncomingMessage> Received { get; } = new();

    /// <summary>Echoes the sender's display name and text, escaped, as the real greetings do with names.</summary>
    public static ScriptedEngine Echo() => new(message => new ConversationTurn
    {
        Replies = [new ChatMessage { Text = RichText.Bold("Hello, ") + RichText.Escape(message.DisplayName) + RichText.Escape(": " + message.Text) }],
    });

    public static ScriptedEngine Replying(params ChatMessage[] replies) => new(_ => new ConversationTurn { Replies = replies });

    public Task<ConversationTurn> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return Task.FromResult(answer(message));
    }
}
