using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Joining;

/// <summary>
/// Handles a <c>/start &lt;prefix&gt;…</c> deep-link payload (e.g. referrals' <c>ref_</c>), and the same code typed
/// by hand as plain text by a user who is not a member yet (Teams and the terminal chat have no deep links).
/// </summary>
public interface IStartPayloadHandler
{
    string Prefix { get; }

    /// <summary>True when a stranger's plain text is one of this flow's codes (with or without the prefix).</summary>
    bool IsTypedCode(string text);

    Task<ConversationTurn> HandleAsync(ChatContext context, string value);
}
