namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// One chat flow. The engine routes commands by <see cref="Commands"/>, buttons by <see cref="ButtonPrefix"/>
/// (payload <c>prefix:args</c>) and dialog input to the handler whose prefix owns the dialog. Adding a flow is
/// adding one handler in its feature folder and registering it with <c>AddChatHandler</c>.
/// </summary>
public interface IChatHandler
{
    /// <summary>Command names without the slash, lower case.</summary>
    IReadOnlyCollection<string> Commands { get; }

    /// <summary>Unique short prefix of this handler's button payloads and dialogs (keep it short: payloads are ≤ 64 bytes).</summary>
    string ButtonPrefix { get; }

    HandlerAccess Access { get; }

    Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input);
}
