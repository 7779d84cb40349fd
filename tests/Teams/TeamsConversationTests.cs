using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Tests.Fakes.Teams;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Teams;

/// <summary>The dealer flows through Teams: real captured activities in, Bot Connector calls out.</summary>
public sealed class TeamsConversationTests : IAsyncLifetime
{
    private const string PersonalMessage = "message_personal_with_aadObjectId_2018.json";
    private const string ChannelMention = "message_channel_bot_mention_reply_in_thread_2025.json";
    private const string CardInvoke = "invoke_adaptiveCard_action_Execute_personal_2026.json";
    private const string PersonalInstall = "conversationUpdate_membersAdded_bot_added_personal_2018.json";
    private const string TeamInstall = "installationUpdate_add_team_2020.json";

    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FakeBotFrameworkServer Fake => _host.Fake;

    private JsonObject Say(string fixture, string text)
    {
        var activity = _host.Activity(fixture);
        activity["text"] = text;
        activity["id"] = $"incoming-{Guid.NewGuid():N}";
        return activity;
    }

    /// <summary>Replies are sent before the activity is acknowledged, so they are all recorded once the response is in.</summary>
    private ConnectorCall FirstCallAfter(HttpResponseMessage response, int callsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Fake.Calls.Skip(callsBefore).First();
    }

    private async Task<ConnectorCall> Exchange(JsonObject activity)
    {
        var before = Fake.Calls.Count;
        return FirstCallAfter(await _host.Post(activity), before);
    }

    private static IEnumerable<JsonNode> Elements(JsonNode card, string type) =>
        card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == type).Select(e => e!);

    private static IEnumerable<JsonNode> Actions(JsonNode card) =>
        Elements(card, "ActionSet").SelectMany(set => set["actions"]!.AsArray()).Select(a => a!);

    private static string CardText(JsonNode card) => string.Join("\n", card["body"]!.AsArray().SelectMany(e => e!["type"]!.GetValue<string>() switch
    {
        "TextBlock" => [e["text"]!.GetValue<string>()],
        "FactSet" => e["facts"]!.AsArray().Select(f => $"{f!["title"]} {f["value"]}"),
        _ => [],
    }));

    [Fact]
    public async Task A_captured_personal_message_with_a_byte_order_mark_is_answered_in_its_conversation()
    {
        Assert.True(TeamsFixtures.HasBom(TeamsFixtures.Read(PersonalMessage)));
        var response = await _host.PostFixture(PersonalMessage);

        var reply = FirstCallAfter(response, 0);
        Assert.Equal(("POST", "reply", "a:uniqueId", "1531861881427"), (reply.Method, reply.Kind, reply.ConversationId, reply.ActivityId));
        Assert.Contains("invitation code", reply.Text);
        Assert.Equal("markdown", reply.Body!["textFormat"]!.GetValue<string>());
        Assert.StartsWith("Bearer fake-connector-token-", reply.Authorization);
        var tokenRequest = Assert.Single(Fake.TokenRequests);
        Assert.Equal(FakeBotFrameworkServer.AppId, tokenRequest["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
    }

    [Fact]
    public async Task The_conversation_reference_is_stored_on_the_chat_identity()
    {
        await _host.PostFixture(PersonalMessage);

        var identity = _host.Identity("29:uniqueId")!;
        Assert.Equal(Fake.ServiceUrl, identity.Address["serviceUrl"]);
        Assert.Equal("a:uniqueId", identity.Address["conversationId"]);
        Assert.Equal("09e852a2-4575-45f7-9586-7cc3acfdc715", identity.Address["tenantId"]);
        Assert.Equal("28:uniqueId", identity.Address["botId"]);
        Assert.Equal("Bot name", identity.Address["botName"]);
        Assert.Equal("29:uniqueId", identity.Address["userId"]);
    }

    [Fact]
    public async Task A_newer_service_url_replaces_the_stored_one()
    {
        await _host.PostFixture(PersonalMessage);
        var moved = Say(PersonalMessage, "hi");
        moved["serviceUrl"] = Fake.BaseUrl + "/emea/";

        await _host.Post(moved);

        Assert.Equal(Fake.BaseUrl + "/emea/", _host.Identity("29:uniqueId")!.Address["serviceUrl"]);
    }

    [Fact]
    public async Task A_dealer_links_with_a_join_code_and_sees_the_balance_as_an_adaptive_card()
    {
        var code = await _host.EnrolAsync("D-1", "ООО Ромашка");

        var welcome = await Exchange(Say(PersonalMessage, code));
        Assert.Contains("Welcome, ООО Ромашка!", welcome.Text);
        Assert.Contains(Fake.Calls, c => c.Card is not null && Actions(c.Card).Any(a => a["data"]?["choice"]?.GetValue<string>() == "bal"));
        Assert.NotNull(_host.Identity("29:uniqueId")!.MemberId);

        var balance = await Exchange(Say(PersonalMessage, "/balance"));

        var attachment = balance.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.5"), (card["type"]!.GetValue<string>(), card["version"]!.GetValue<string>()));
        Assert.Contains("**Your account, ООО Ромашка**", CardText(card));
        var facts = Elements(card, "FactSet").Single()["facts"]!.AsArray();
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "Balance" && f["value"]!.GetValue<string>().Contains("points"));
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "Tier");
        var menu = Assert.Single(Actions(card));
        Assert.Equal("Action.Submit", menu["type"]!.GetValue<string>());
        Assert.Equal("menu", menu["data"]!["choice"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pressing_a_card_button_routes_its_choice_and_edits_the_card_when_the_flow_replies_in_place()
    {
        await Exchange(Say(PersonalMessage, await _host.EnrolAsync("D-1", "Dealer")));
        (await _host.Api.Admin().PostSale("S-1", "D-1", 2700)).EnsureSuccessStatusCode();
        var press = _host.Activity(PersonalMessage);
        press.Remove("text");
        press["value"] = new JsonObject { ["choice"] = "hist:1" };
        press["replyToId"] = "card-message-7";

        var answer = await Exchange(press);

        Assert.Equal(("PUT", "update", "card-message-7"), (answer.Method, answer.Kind, answer.ActivityId));
        Assert.Contains("Points history", answer.Text);
    }

    [Fact]
    public async Task A_card_submit_from_some_other_card_is_answered_as_a_stale_button()
    {
        var press = _host.Activity(PersonalMessage);
        press.Remove("text");
        press["value"] = new JsonObject { ["feedback"] = "nice" };

        var answer = await Exchange(press);

        Assert.Contains("no longer active", answer.Text);
    }

    [Fact]
    public async Task A_channel_message_that_mentions_the_bot_is_routed_with_the_mention_stripped_and_answered_in_the_thread()
    {
        var activity = _host.Activity(ChannelMention);
        activity["text"] = "<at>ridotest</at> /language";

        var answer = await Exchange(activity);

        Assert.Equal(("reply", "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", "1759944781430"),
            (answer.Kind, answer.ConversationId, answer.ActivityId));
        Assert.Equal(["lang:ru", "lang:uk", "lang:en"], Actions(answer.Card!).Select(a => a["data"]!["choice"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_captured_channel_mention_is_answered_in_its_thread()
    {
        var answer = FirstCallAfter(await _host.PostFixture(ChannelMention), 0);

        Assert.Equal("1759944781430", answer.ActivityId);
        Assert.Contains("invitation code", answer.Text);
    }

    [Fact]
    public async Task A_channel_message_without_a_mention_of_the_bot_is_ignored()
    {
        var activity = _host.Activity(ChannelMention);
        activity["text"] = "just chatting";
        activity.Remove("entities");

        var response = await _host.Post(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(Fake.Calls);
        Assert.Null(_host.Identity(activity["from"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_captured_action_execute_invoke_gets_a_synchronous_invoke_response()
    {
        var response = await _host.PostFixture(CardInvoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("This button is no longer active.", body["value"]!.GetValue<string>());
        Assert.Empty(Fake.Calls);
    }

    [Fact]
    public async Task An_action_execute_with_a_choice_is_answered_with_the_replacement_card()
    {
        var invoke = _host.Activity(CardInvoke);
        invoke["value"]!["action"]!["data"] = new JsonObject { ["choice"] = "lang" };

        var response = await _host.Post(invoke);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal(3, Actions(body["value"]!).Count());
    }

    [Fact]
    public async Task Installing_the_bot_personally_welcomes_the_user_once_with_how_to_join_and_stores_the_reference()
    {
        var first = await _host.PostFixture(PersonalInstall);
        var install = _host.Activity(TeamInstall);
        install["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = "a:uniqueID" };
        install["from"] = new JsonObject { ["id"] = "29:uniqueId" };
        var second = await _host.Post(install);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var welcome = Assert.Single(Fake.Calls);
        Assert.Equal(("send", "a:uniqueID"), (welcome.Kind, welcome.ConversationId));
        Assert.Contains("код приглашения", welcome.Text);
        Assert.Equal("a:uniqueID", _host.Identity("29:uniqueId")!.Address["conversationId"]);
    }

    [Fact]
    public async Task Installing_the_bot_in_a_team_posts_how_to_join_in_the_channel()
    {
        var response = await _host.PostFixture(TeamInstall);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(Fake.Calls);
        Assert.Equal(("send", "sample conversation Id@thread.skype"), (welcome.Kind, welcome.ConversationId));
        Assert.Contains("invitation code", welcome.Text);
        Assert.False(_host.Identity("sample id")!.Address.ContainsKey("conversationId"));
    }

    [Fact]
    public async Task Removing_the_bot_from_a_personal_chat_marks_the_user_unreachable()
    {
        await _host.PostFixture(PersonalMessage);
        var removal = _host.Activity(PersonalInstall);
        removal["membersRemoved"] = removal["membersAdded"]!.DeepClone();
        removal.Remove("membersAdded");

        var response = await _host.Post(removal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(_host.Identity("29:uniqueId")!.UnreachableSince);
    }

    [Fact]
    public async Task Writing_again_after_removing_the_bot_makes_the_user_reachable_again()
    {
        var removal = _host.Activity(PersonalInstall);
        removal["membersRemoved"] = removal["membersAdded"]!.DeepClone();
        removal.Remove("membersAdded");
        await _host.PostFixture(PersonalMessage);
        await _host.Post(removal);

        await _host.Post(Say(PersonalMessage, "hi"));

        Assert.Null(_host.Identity("29:uniqueId")!.UnreachableSince);
    }

    [Fact]
    public async Task An_activity_delivered_again_with_the_same_id_is_acknowledged_and_not_handled_twice()
    {
        var activity = Say(PersonalMessage, "/help");
        Assert.Equal(HttpStatusCode.OK, (await _host.Post(activity)).StatusCode);
        var calls = Fake.Calls.Count;

        var redelivered = await _host.Post(activity);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(calls, Fake.Calls.Count);
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var typing = _host.Activity(PersonalMessage);
        typing["type"] = "messageReaction";

        var response = await _host.Post(typing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Fake.Calls);
        Assert.Null(_host.Identity("29:uniqueId"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request()
    {
        var response = await _host.Post(Encoding.UTF8.GetBytes("{not json"), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, Fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_language_hint_comes_from_the_activity_locale()
    {
        var activity = Say(PersonalMessage, "привіт");
        activity["locale"] = "uk-UA";

        var answer = await Exchange(activity);

        Assert.Contains("код запрошення", answer.Text);
    }

    [Fact]
    public async Task Every_captured_activity_is_accepted_by_the_real_pipeline()
    {
        foreach (var fixture in TeamsFixtures.Activities)
        {
            var response = await _host.PostFixture(fixture);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fixture}: {(int)response.StatusCode}");
        }
    }
}
