using System.Globalization;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>A chat addressed by a request's <c>chat_id</c>: a numeric id or a channel <c>@username</c>.</summary>
internal readonly record struct ChatTarget(long Id, string? Username)
{
    public static bool TryParse(string? chatId, out ChatTarget target)
    {
        target = default;
        if (string.IsNullOrWhiteSpace(chatId))
            return false;
        if (long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            target = new ChatTarget(id, null);
            return true;
        }
        if (chatId.StartsWith('@') && chatId.Length > 1)
        {
            var username = chatId[1..];
            target = new ChatTarget(SyntheticChannelId(username), username);
            return true;
        }
        return false;
    }

    // Stable across runs (unlike string.GetHashCode) so tests can predict the id of "@channel" chats.
    private static long SyntheticChannelId(string username)
    {
        uint hash = 2166136261;
        foreach (var c in username.ToLowerInvariant())
            hash = (hash ^ c) * 16777619;
        return -1_009_000_000_000 - (hash % 1_000_000);
    }
}
