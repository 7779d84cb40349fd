using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Joining;

/// <summary>Handles a <c>/start &lt;prefix&gt;…</c> deep-link payload (e.g. referrals' <c>ref_</c>).</summary>
public interface IStartPayloadHandler
{
    string Prefix { get; }

    Task<ConversationTurn> HandleAsync(ChatContext context, string value);
}
