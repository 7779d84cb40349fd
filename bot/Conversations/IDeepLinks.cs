namespace LoyaltyBot.Bot.Conversations;

/// <summary>Links that open the bot with a start payload; null when no channel offers them (no Telegram bot configured).</summary>
public interface IDeepLinks
{
    /// <summary>e.g. <c>https://t.me/&lt;bot&gt;?start=join_&lt;code&gt;</c>.</summary>
    string? StartLink(string payload);
}
