using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Channel-neutral messages as Teams activities: text alone stays a plain Markdown message; with buttons or an
/// image it becomes an Adaptive Card 1.5 — text blocks (runs of "Label: value" lines, like a balance, as a fact
/// set), the image as a data URI, each row of buttons an action set of <c>Action.Submit</c> whose data carries the
/// choice (<c>{"choice": payload}</c>) or <c>Action.OpenUrl</c> for links.
/// </summary>
internal static partial class TeamsRenderer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The field of Action.Submit / Action.Execute data that carries the button payload.</summary>
    public const string ChoiceField = "choice";

    private const int SummaryLength = 120;

    public static bool NeedsCard(ChatMessage message) => message.Image is not null || message.Buttons.Any(row => row.Count > 0);

    /// <summary>The message activity to send.</summary>
    public static JsonObject Activity(ChatMessage message)
    {
        if (!NeedsCard(message))
        {
            return new JsonObject
            {
                ["type"] = "message",
                ["textFormat"] = "markdown",
                ["text"] = string.Join("\n\n", Lines(message.Text).Where(l => l.Length > 0).Select(TeamsMarkdown.FromHtml)),
            };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = Summary(message.Text),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["content"] = Card(message),
            }),
        };
    }

    /// <summary>The Adaptive Card (version 1.5) of a message.</summary>
    public static JsonObject Card(ChatMessage message)
    {
        var body = new JsonArray();
        if (message.Image is { } image)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Image",
                ["url"] = $"data:{MediaType(image.FileName)};base64,{Convert.ToBase64String(image.Bytes)}",
                ["altText"] = Summary(message.Text),
            });
        }

        AddText(body, Lines(message.Text));
        foreach (var row in message.Buttons)
        {
            var actions = new JsonArray();
            foreach (var button in row)
            {
                if (Action(button) is { } action)
                {
                    actions.Add(action);
                }
                else if (button.RequestContact)
                {
                    // Teams cannot share a phone number: say what to type instead.
                    body.Add(TextBlock(TeamsMarkdown.FromHtml(RichText.Escape(button.Label).Html), subtle: true));
                }
            }

            if (actions.Count > 0)
            {
                body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
            }
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
    }

    private static JsonObject? Action(ChatButton button) => button switch
    {
        { Url: { } url } => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = button.Label, ["url"] = url },
        { Payload: { } payload } => new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = button.Label,
            ["data"] = new JsonObject { [ChoiceField] = payload },
        },
        _ => null,
    };

    /// <summary>One text block per line; two or more "Label: value" lines in a row become a fact set.</summary>
    private static void AddText(JsonArray body, IReadOnlyList<string> lines)
    {
        var spaceBefore = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                spaceBefore = body.Count > 0;
                continue;
            }

            var facts = new JsonArray();
            var j = i;
            for (; j < lines.Count && Fact().Match(lines[j]) is { Success: true } fact; j++)
            {
                facts.Add(new JsonObject
                {
                    ["title"] = TeamsMarkdown.Plain(fact.Groups["title"].Value),
                    ["value"] = TeamsMarkdown.FromHtml(fact.Groups["value"].Value),
                });
            }

            JsonObject element;
            if (facts.Count >= 2)
            {
                element = new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
                i = j - 1;
            }
            else
            {
                element = TextBlock(TeamsMarkdown.FromHtml(lines[i]), subtle: false);
                if (body.Count == 0 && lines[i].StartsWith("<b>", StringComparison.Ordinal) && lines[i].EndsWith("</b>", StringComparison.Ordinal))
                {
                    // A bold first line is a title.
                    element["size"] = "Medium";
                }
            }

            if (spaceBefore)
            {
                element["spacing"] = "Medium";
                spaceBefore = false;
            }

            body.Add(element);
        }
    }

    private static JsonObject TextBlock(string markdown, bool subtle)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static IReadOnlyList<string> Lines(RichText text) => text.Html.Replace("\r\n", "\n").Split('\n');

    private static string Summary(RichText text)
    {
        var first = text.ToPlainText().Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
        return first.Length <= SummaryLength ? first : first[..(SummaryLength - 1)] + "…";
    }

    private static string MediaType(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            _ => "image/png",
        };

    /// <summary>"Balance: 1 250 points": a short plain label (no markup, no URL), a colon, a space, a value.</summary>
    [GeneratedRegex("^(?<title>[^<>:\\n]{1,40}):\\s+(?<value>\\S.*)$")]
    private static partial Regex Fact();
}
