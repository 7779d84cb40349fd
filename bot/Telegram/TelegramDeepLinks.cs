using System.Text.RegularExpressions;
using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Telegram;

/// <summary><c>https://t.me/&lt;bot&gt;?start=&lt;payload&gt;</c> once getMe has told us the bot's username; null before, or without a token.</summary>
public sealed partial class TelegramDeepLinks(TelegramBot bot) : IDeepLinks
{
    public string? StartLink(string payload) =>
        bot.Username is { Length: > 0 } username && StartPayload().IsMatch(payload)
            ? $"https://t.me/{username}?start={payload}"
            : null;

    /// <summary>What Telegram accepts as a start parameter.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StartPayload();
}
