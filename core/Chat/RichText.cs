using System.Net;
using System.Text;

namespace LoyaltyBot.Core.Chat;

/// <summary>
/// Text in a tiny, safe markup: the HTML tags <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c> and <c>&lt;a href&gt;</c>,
/// everything else escaped. Build it with <see cref="Escape"/>, <see cref="Bold"/> and friends so that
/// user-supplied values can never inject markup. Telegram takes it as HTML parse mode as it is.
/// </summary>
public readonly record struct RichText(string Html)
{
    public static RichText Empty => new(string.Empty);

    public static RichText Escape(string? text) => new(WebUtility.HtmlEncode(text ?? string.Empty));

    public static RichText Bold(string text) => new($"<b>{WebUtility.HtmlEncode(text)}</b>");

    public static RichText Italic(string text) => new($"<i>{WebUtility.HtmlEncode(text)}</i>");

    public static RichText Link(string text, string url) =>
        new($"<a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(text)}</a>");

    public static RichText operator +(RichText left, RichText right) => new(left.Html + right.Html);

    public static RichText Lines(IEnumerable<RichText> lines) => new(string.Join("\n", lines.Select(l => l.Html)));

    /// <summary>The text without markup, for channels that show plain text (terminal, notifications).</summary>
    public string ToPlainText()
    {
        var plain = new StringBuilder(Html.Length);
        var inTag = false;
        foreach (var c in Html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                plain.Append(c);
            }
        }

        return WebUtility.HtmlDecode(plain.ToString());
    }

    public override string ToString() => Html;
}
