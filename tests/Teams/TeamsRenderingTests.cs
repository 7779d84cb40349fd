using System.Text.Json.Nodes;
using LoyaltyBot.Bot.Teams;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Tests.Teams;

public sealed class TeamsRenderingTests
{
    [Theory]
    [InlineData("<b>Bold</b> and <i>italic</i>", "**Bold** and _italic_")]
    [InlineData("See <a href=\"https://example.com/a?b=1&amp;c=2\">the rules</a>", "See [the rules](https://example.com/a?b=1&c=2)")]
    [InlineData("Tom &amp; Jerry &lt;3 &quot;quoted&quot;", "Tom & Jerry <3 \"quoted\"")]
    [InlineData("5 * 3 = 15, snake_case, [x]", "5 \\* 3 = 15, snake\\_case, \\[x\\]")]
    [InlineData("line one\nline two", "line one\nline two")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>", "click")]
    public void Rich_text_becomes_teams_markdown(string html, string markdown) =>
        Assert.Equal(markdown, TeamsMarkdown.FromRichText(new RichText(html)));

    [Fact]
    public void User_text_cannot_inject_a_link()
    {
        var text = RichText.Escape("[free points](https://evil.example)");

        Assert.Equal("\\[free points\\](https://evil.example)", TeamsMarkdown.FromRichText(text));
    }

    [Fact]
    public void Text_without_buttons_or_image_stays_a_plain_markdown_message()
    {
        var activity = TeamsRenderer.Activity(new ChatMessage { Text = RichText.Bold("Hi") + RichText.Escape("\nsecond line") });

        Assert.Equal("markdown", activity["textFormat"]!.GetValue<string>());
        Assert.Equal("**Hi**\n\nsecond line", activity["text"]!.GetValue<string>());
        Assert.Null(activity["attachments"]);
    }

    [Fact]
    public void Buttons_make_an_adaptive_card_with_one_action_set_per_row()
    {
        var message = new ChatMessage
        {
            Text = RichText.Escape("Menu"),
            Buttons = [[ChatButton.Choice("A", "a:1"), ChatButton.Choice("B", "b")], [ChatButton.Link("Site", "https://example.com")]],
        };

        var card = TeamsRenderer.Activity(message)["attachments"]![0]!["content"]!;

        var sets = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "ActionSet").ToArray();
        Assert.Equal(2, sets.Length);
        Assert.Equal("""{"type":"Action.Submit","title":"A","data":{"choice":"a:1"}}""", sets[0]!["actions"]![0]!.ToJsonString());
        Assert.Equal("Action.OpenUrl", sets[1]!["actions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void An_image_becomes_a_data_uri_image_element()
    {
        var message = new ChatMessage { Text = RichText.Escape("Your QR code"), Image = new ChatImage([1, 2, 3], "qr.png") };

        var card = TeamsRenderer.Card(message);

        var image = card["body"]![0]!;
        Assert.Equal("Image", image["type"]!.GetValue<string>());
        Assert.Equal("data:image/png;base64,AQID", image["url"]!.GetValue<string>());
    }

    [Fact]
    public void Label_value_lines_become_a_fact_set_and_a_bold_first_line_a_title()
    {
        var message = new ChatMessage
        {
            Text = new RichText("<b>Your account</b>\nBalance: 1 250 points\nTier: Gold\nKeep going!"),
            Buttons = [[ChatButton.Choice("Menu", "menu")]],
        };

        var body = TeamsRenderer.Card(message)["body"]!.AsArray();

        Assert.Equal(["TextBlock", "FactSet", "TextBlock", "ActionSet"], body.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("Medium", body[0]!["size"]!.GetValue<string>());
        Assert.Equal("""[{"title":"Balance","value":"1 250 points"},{"title":"Tier","value":"Gold"}]""", body[1]!["facts"]!.ToJsonString());
    }

    [Fact]
    public void A_single_label_value_line_stays_text()
    {
        var body = TeamsRenderer.Card(new ChatMessage { Text = new RichText("Code: ABC"), Buttons = [[ChatButton.Choice("OK", "ok")]] })["body"]!.AsArray();

        Assert.Equal("TextBlock", body[0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_contact_button_is_shown_as_a_hint_because_teams_cannot_share_a_phone_number()
    {
        var message = new ChatMessage { Text = RichText.Escape("Phone?"), Buttons = [[new ChatButton("Share my phone number", RequestContact: true)]] };

        var body = TeamsRenderer.Card(message)["body"]!.AsArray();

        Assert.Contains(body, e => e!["type"]!.GetValue<string>() == "TextBlock" && e["text"]!.GetValue<string>() == "Share my phone number" && e["isSubtle"] is not null);
        Assert.DoesNotContain(body, e => e!["type"]!.GetValue<string>() == "ActionSet");
    }

    [Fact]
    public void The_card_has_the_adaptive_card_envelope_teams_expects()
    {
        var activity = TeamsRenderer.Activity(new ChatMessage { Text = RichText.Escape("x"), Buttons = [[ChatButton.Choice("y", "y")]] });

        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
        Assert.Equal("x", activity["summary"]!.GetValue<string>());
        Assert.IsType<JsonObject>(attachment["content"]);
    }
}
