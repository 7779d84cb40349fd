namespace LoyaltyBot.Bot.Conversations;

/// <summary>Used when no channel offers deep links (no Telegram bot configured).</summary>
internal sealed class NoDeepLinks : IDeepLinks
{
    public string? StartLink(string payload) => null;
}
