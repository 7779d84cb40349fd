namespace LoyaltyBot.Bot.Conversations;

/// <summary>The one entry point every channel adapter calls: a normalised message in, replies out.</summary>
public interface IConversationEngine
{
    /// <summary>Never throws for a user's mistake; an unexpected failure becomes a polite apology in the user's language.</summary>
    Task<ConversationTurn> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}
