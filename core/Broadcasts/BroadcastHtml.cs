using System.Text.RegularExpressions;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// Checks campaign markup strictly: only <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c> and <c>&lt;a href="http(s)://…"&gt;</c>, balanced
/// and without a link inside a link; <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> in text must be written as entities. What
/// passes is exactly what Telegram's HTML mode accepts, and safe to put into a <see cref="Chat.RichText"/>.
/// </summary>
public static partial class BroadcastHtml
{
    /// <summary>Null when valid, else a short English description of the first problem.</summary>
    public static string? Problem(string html)
    {
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return $"a stray '>' at position {i}";
            }

            if (c == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success)
                {
                    return $"a stray '&' at position {i}";
                }

                i += entity.Length;
                continue;
            }

            if (c != '<')
            {
                i++;
                continue;
            }

            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                return $"an unclosed '<' at position {i}";
            }

            var tag = html[i..(end + 1)];
            if (tag is "<b>" or "<i>")
            {
                if (open.Contains(tag[1..2]))
                {
                    return $"{tag} inside {tag}";
                }

                open.Push(tag[1..2]);
            }
            else if (tag is "</b>" or "</i>" or "</a>")
            {
                var name = tag[2..3];
                if (open.Count == 0 || open.Peek() != name)
                {
                    return $"{tag} at position {i} closes nothing open";
                }

                open.Pop();
            }
            else if (Anchor().Match(tag) is { Success: true } anchor)
            {
                if (open.Contains("a"))
                {
                    return "a link inside a link";
                }

                var href = System.Net.WebUtility.HtmlDecode(anchor.Groups[1].Value);
                if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    return $"the link '{href}' is not an http(s) address";
                }

                open.Push("a");
            }
            else
            {
                return $"the tag {tag} is not allowed";
            }

            i = end + 1;
        }

        return open.Count == 0 ? null : $"<{open.Peek()}> is never closed";
    }

    [GeneratedRegex("\\G&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    [GeneratedRegex("^<a href=\"([^\"<>]+)\">$")]
    private static partial Regex Anchor();
}
