using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Broadcasts;

public sealed class BroadcastApiTests
{
    private static readonly string Png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);

    public static TheoryData<string, object, HttpStatusCode, string, string> BadInput() => new()
    {
        { "empty text", BroadcastScenario.Body(ru: "   "), HttpStatusCode.BadRequest, "missing_field", "text.ru" },
        { "invisible text", BroadcastScenario.Body(ru: "\u200B\u200B\uFEFF"), HttpStatusCode.BadRequest, "missing_field", "text.ru" },
        { "too long", BroadcastScenario.Body(ru: new string('а', 4097)), HttpStatusCode.BadRequest, "text_too_long", "text.ru" },
        { "caption too long", BroadcastScenario.Body(ru: new string('а', 1025), image: Png), HttpStatusCode.BadRequest, "text_too_long", "text.ru" },
        { "broken html", BroadcastScenario.Body(ru: "<b>Акция</i>"), HttpStatusCode.BadRequest, "invalid_html", "text.ru" },
        { "broken html in en", BroadcastScenario.Body(en: "<u>Sale</u>"), HttpStatusCode.BadRequest, "invalid_html", "text.en" },
        { "not an image", BroadcastScenario.Body(image: Convert.ToBase64String("GIF89a not really"u8.ToArray())), HttpStatusCode.BadRequest, "invalid_image", "image" },
        { "not base64", BroadcastScenario.Body(image: "%%%"), HttpStatusCode.BadRequest, "invalid_image", "image" },
        { "http button", BroadcastScenario.Body(button: new { label = new { ru = "Открыть" }, url = "http://example.com" }), HttpStatusCode.BadRequest, "invalid_value", "button.url" },
        { "no audience", new { text = new { ru = "Привет" } }, HttpStatusCode.BadRequest, "missing_field", "audience" },
        { "unknown tier", BroadcastScenario.Body(audience: new { tiers = new[] { "Diamond" } }), HttpStatusCode.BadRequest, "invalid_value", "audience.tiers" },
        { "time in the past", BroadcastScenario.Body(sendAt: DateTimeOffset.Parse("2026-06-15T08:00:00Z")), HttpStatusCode.BadRequest, "send_time_in_past", "sendAt" },
        { "empty audience", BroadcastScenario.Body(audience: new { externalIds = new[] { "NOBODY" } }), HttpStatusCode.UnprocessableEntity, "empty_audience", "audience" },
        { "no one on that channel", BroadcastScenario.Body(audience: new { channels = new[] { "telegram" } }), HttpStatusCode.UnprocessableEntity, "empty_audience", "audience" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_queued(string _, object body, HttpStatusCode status, string code, string field)
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1001");

        var response = await scenario.Create(body);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await scenario.Admin.GetJson("/api/v1/broadcasts")).GetProperty("total").GetInt32());
        Assert.Empty(scenario.Outbox);
    }

    [Fact]
    public async Task Only_managers_may_send_broadcasts()
    {
        await using var scenario = new BroadcastScenario();
        var integration = scenario.Api.ClientWithKey(await scenario.Api.KeyFor("integration"));

        var response = await integration.PostAsJsonAsync("/api/v1/broadcasts", BroadcastScenario.Body());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_segment_selects_by_region_and_explicit_ids_and_inactivity()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-MSK", "1", region: "Москва");
        await scenario.Linked("D-SPB", "2", region: "Санкт-Петербург");
        await scenario.Linked("D-MSK2", "3", region: "москва");
        await scenario.Admin.PostSale("S-1", "D-MSK2", 5, occurredAt: scenario.Clock.GetUtcNow().AddDays(-1));

        var byRegion = await scenario.Create(BroadcastScenario.Body(audience: new { regions = new[] { "Москва" } }));
        var byIds = await scenario.Create(BroadcastScenario.Body(audience: new { externalIds = new[] { "D-SPB", "D-MSK2" } }));
        var inactive = await scenario.Create(BroadcastScenario.Body(audience: new { inactiveForDays = 30 }));
        var active = await scenario.Create(BroadcastScenario.Body(audience: new { activeWithinDays = 30, regions = new[] { "МОСКВА" } }));

        Assert.Equal(2, (await byRegion.Json()).GetProperty("recipients").GetInt32());
        Assert.Equal(2, (await byIds.Json()).GetProperty("recipients").GetInt32());
        Assert.Equal(2, (await inactive.Json()).GetProperty("recipients").GetInt32());
        Assert.Equal(1, (await active.Json()).GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task Each_recipient_gets_their_language_else_russian_with_the_link_button()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-RU", "ru-user", language: "ru");
        await scenario.Linked("D-UK", "uk-user", language: "uk");
        await scenario.Linked("D-EN", "en-user", language: "en");
        var id = await scenario.CreateOk(BroadcastScenario.Body(
            ru: "<b>Скидка</b>", uk: "<b>Знижка</b>",
            button: new { label = new { ru = "Открыть", uk = "Відкрити", en = "Open" }, url = "https://example.com/sale" }));

        await scenario.UntilFinished(id);

        var delivered = scenario.Channel.Delivered.ToDictionary(d => d.ChatId, d => d.Message);
        Assert.Equal("<b>Скидка</b>", delivered["ru-user"].Text.Html);
        Assert.Equal("<b>Знижка</b>", delivered["uk-user"].Text.Html);
        Assert.Equal("<b>Скидка</b>", delivered["en-user"].Text.Html);
        Assert.Equal("Open", delivered["en-user"].Buttons.Single().Single().Label);
        Assert.Equal("https://example.com/sale", delivered["uk-user"].Buttons.Single().Single().Url);
        var body = await scenario.Get(id);
        Assert.Equal("finished", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal(0, body.GetProperty("counts").GetProperty("queued").GetInt32());
        Assert.True(body.GetProperty("finishedAt").GetDateTimeOffset() >= body.GetProperty("startedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_scheduled_broadcast_waits_for_its_time_and_members_who_join_later_are_not_added()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        var id = await scenario.CreateOk(BroadcastScenario.Body(sendAt: scenario.Clock.GetUtcNow().AddHours(1)));
        Assert.Equal("scheduled", (await scenario.Get(id)).GetProperty("status").GetString());

        scenario.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(300);
        Assert.Empty(scenario.Outbox);

        scenario.Clock.Advance(TimeSpan.FromMinutes(31));
        await scenario.UntilFinished(id);
        await scenario.Linked("D-LATE", "2");
        scenario.Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        Assert.Equal(["1"], scenario.Channel.Delivered.Select(d => d.ChatId));
        Assert.Single(scenario.Outbox, m => m.Topic == $"broadcast:{id}");
    }

    [Fact]
    public async Task Cancel_stops_what_is_not_yet_sent()
    {
        await using var scenario = new BroadcastScenario();
        for (var i = 0; i < 20; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}");
        }

        var id = await scenario.CreateOk(BroadcastScenario.Body());
        await scenario.Until(() => scenario.Channel.Delivered.Count >= 3);
        var cancel = await scenario.Admin.PostAsync($"/api/v1/broadcasts/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var sentAtCancel = scenario.Channel.Delivered.Count;
        // Those already marked for sending (a few, pipelined ahead of the pacer) still go; the clock moves until they did.
        await scenario.Until(() => !scenario.Outbox.Any(m => m.Topic == $"broadcast:{id}" && m.Status is OutboxStatus.Pending or OutboxStatus.Sending));
        await Task.Delay(300);

        var body = await scenario.Get(id);
        var counts = body.GetProperty("counts");
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.InRange(scenario.Channel.Delivered.Count, sentAtCancel, sentAtCancel + 8); // at most those already in flight
        Assert.Equal(scenario.Channel.Delivered.Count, counts.GetProperty("sent").GetInt32());
        Assert.Equal(20 - scenario.Channel.Delivered.Count, counts.GetProperty("cancelled").GetInt32());
        Assert.Equal(0, counts.GetProperty("queued").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Admin.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_broadcast_is_not_found()
    {
        await using var scenario = new BroadcastScenario();
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Admin.GetAsync("/api/v1/broadcasts/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Admin.PostAsync("/api/v1/broadcasts/nope/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Outbox_statuses_of_the_campaign_are_counted()
    {
        await using var scenario = new BroadcastScenario();
        await scenario.Linked("D-1", "1");
        await scenario.Linked("D-2", "2");
        scenario.Channel.Script("2", new Bot.Delivery.DeliveryResult.Blocked("403"));
        var id = await scenario.CreateOk(BroadcastScenario.Body());

        await scenario.UntilFinished(id);

        var counts = (await scenario.Get(id)).GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("sent").GetInt32());
        Assert.Equal(1, counts.GetProperty("blocked").GetInt32());
        Assert.All(scenario.Outbox.Where(m => m.Topic == $"broadcast:{id}"), m => Assert.True(m.Bulk));
        Assert.DoesNotContain(scenario.Outbox, m => m.Status == OutboxStatus.Pending);
    }
}
