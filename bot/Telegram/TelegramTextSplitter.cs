using System.Text;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// Splits a message over Telegram's length limit on line boundaries. The rich-text subset only uses inline
/// tags that open and close on one line, so whole lines keep the tags balanced; a single line that is still
/// too long is cut, but never inside a tag, an entity or a surrogate pair.
/// </summary>
internal static class TelegramTextSplitter
{
    public const int MessageLimit = 4096;

    public const int CaptionLimit = 1024;

    public static IReadOnlyList<string> Split(string html, int limit = MessageLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        if (html.Length <= limit)
        {
            return [html];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in html.Split('\n'))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length <= limit)
            {
                current.Append('\n').Append(line);
                continue;
            }

            Flush(parts, current);
            var rest = line;
            while (rest.Length > limit)
            {
                var cut = SafeCut(rest, limit);
                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }

            current.Append(rest);
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        // Telegram refuses empty and whitespace-only texts; blank lines at a cut carry nothing.
        if (current.ToString() is var text && !string.IsNullOrWhiteSpace(text))
        {
            parts.Add(text);
        }

        current.Clear();
    }

    /// <summary>The largest cut position ≤ <paramref name="limit"/> that is not inside a tag, an entity or a surrogate pair.</summary>
    private static int SafeCut(string line, int limit)
    {
        var cut = limit;
        var tagStart = line.LastIndexOf('<', cut - 1);
        if (tagStart >= 0 && line.IndexOf('>', tagStart) is var tagEnd && (tagEnd < 0 || tagEnd >= cut))
        {
            cut = tagStart;
        }

        var entityStart = line.LastIndexOf('&', cut - 1);
        if (entityStart >= 0 && cut - entityStart <= 10 && line.IndexOf(';', entityStart) is var entityEnd && (entityEnd < 0 || entityEnd >= cut))
        {
            cut = entityStart;
        }

        if (cut > 0 && char.IsLowSurrogate(line[cut]))
        {
            cut--;
        }

        return cut > 0 ? cut : limit;
    }
}
