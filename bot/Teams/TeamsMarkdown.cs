using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Turns the <see cref="RichText"/> subset into the Markdown Teams renders in messages and Adaptive Card text:
/// <c>&lt;b&gt;</c> → <c>**</c>, <c>&lt;i&gt;</c> → <c>_</c>, <c>&lt;a href&gt;</c> → <c>[text](url)</c>; entities are decoded
/// and Markdown's own characters in the text are escaped, so user-supplied values stay literal. Line breaks are kept.
/// </summary>
internal static partial class TeamsMarkdown
{
    public static string FromRichText(RichText text) => FromHtml(text.Html);

    /// <summary>The text of a fragment without markup, for places that show plain text (fact titles, summaries).</summary>
    public static string Plain(string html) => new RichText(html).ToPlainText();

    public static string FromHtml(string html)
    {
        var output = new StringBuilder(html.Length + 16);
        var links = new Stack<(int Start, string Url)>();
        var position = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            AppendText(output, html[position..tag.Index]);
            position = tag.Index + tag.Length;
            var closing = tag.Groups["close"].Length > 0;
            switch (tag.Groups["name"].Value.ToLowerInvariant())
            {
                case "b" or "strong":
                    output.Append("**");
                    break;
                case "i" or "em":
                    output.Append('_');
                    break;
                case "a" when !closing:
                    var href = Href().Match(tag.Groups["attributes"].Value);
                    links.Push((output.Length, href.Success ? WebUtility.HtmlDecode(href.Groups["url"].Value) : string.Empty));
                    break;
                case "a" when links.Count > 0:
                    var (start, url) = links.Pop();
                    var label = output.ToString(start, output.Length - start);
                    output.Length = start;
                    output.Append(IsLinkable(url) ? $"[{label}]({EscapeUrl(url)})" : label);
                    break;
            }
        }

        AppendText(output, html[position..]);
        return output.ToString();
    }

    private static void AppendText(StringBuilder output, string html)
    {
        foreach (var c in WebUtility.HtmlDecode(html))
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`')
            {
                output.Append('\\');
            }

            output.Append(c);
        }
    }

    private static bool IsLinkable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string EscapeUrl(string url) => url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29");

    [GeneratedRegex("<(?<close>/?)(?<name>[a-zA-Z]+)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("href\\s*=\\s*\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
