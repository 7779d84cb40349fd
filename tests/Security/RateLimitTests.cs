using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_api_key_over_its_limit_gets_429_rate_limited_with_Retry_After_and_other_keys_go_on()
    {
        await using var api = new ApiFactory(_folder.File("loyalty.db"), settings: new Dictionary<string, string?>
        {
            ["RateLimits:Api:PermitLimit"] = "3",
            ["RateLimits:Api:WindowSeconds"] = "60",
        });
        var integration = api.ClientWithKey(await api.KeyFor("integration"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/members")).StatusCode);
        }

        var limited = await integration.PostAsJsonAsync("/api/v1/members", new { externalId = "D-1", name = "Dealer" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate_limited", (await limited.Json()).GetProperty("code").GetString());
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Admin().GetAsync("/api/v1/members/D-1")).StatusCode);
    }

    [Fact]
    public async Task Webhooks_health_and_requests_without_a_key_are_not_counted_against_api_keys()
    {
        await using var api = new ApiFactory(_folder.File("loyalty.db"), settings: new Dictionary<string, string?>
        {
            ["RateLimits:Api:PermitLimit"] = "2",
            ["RateLimits:Api:WindowSeconds"] = "60",
        });
        var anonymous = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostRaw("/telegram/webhook", "{}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/members")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.Admin().GetAsync("/api/v1/members")).StatusCode);
    }

    [Fact]
    public async Task The_default_api_limit_lets_a_busy_integration_through()
    {
        await using var api = new ApiFactory(_folder.File("loyalty.db"));
        var integration = api.ClientWithKey(await api.KeyFor("integration"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => integration.GetAsync("/api/v1/members")));

        Assert.All(statuses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_chat_user_over_the_limit_is_told_once_politely_then_ignored_until_the_minute_is_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T10:00:00Z"));
        await using var api = new ApiFactory(_folder.File("loyalty.db"), clock, new Dictionary<string, string?>
        {
            ["RateLimits:Chat:MessagesPerMinute"] = "5",
        });
        var created = await api.Admin().PostAsJsonAsync("/api/v1/members", new { externalId = "D-1", name = "Dealer", language = "en" });
        var joinCode = (await created.Json()).GetProperty("joinCode").GetString()!;
        var chat = new ChatDriver(api.Services, "1001", languageHint: "ru");
        await chat.Say(joinCode);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Dealer", ChatDriver.AllText(await chat.Say("/balance")));
        }

        var slowDown = await chat.Say("/balance");
        var ignoredText = await chat.Say("/balance");
        var ignoredButton = await chat.Press("hist:1");
        var otherUser = await new ChatDriver(api.Services, "2002").Say("/start");
        clock.Advance(TimeSpan.FromSeconds(61));
        var afterTheMinute = await chat.Say("/balance");

        Assert.Equal(Texts.For("en")["RateLimits.Chat.TooMany"], ChatDriver.AllText(slowDown));
        Assert.Empty(ignoredText.Replies);
        Assert.Empty(ignoredButton.Replies);
        Assert.Null(ignoredButton.ButtonNotice);
        Assert.NotEmpty(otherUser.Replies);
        Assert.Contains("Dealer", ChatDriver.AllText(afterTheMinute));
    }

    [Fact]
    public async Task A_telegram_user_over_the_limit_gets_one_polite_message_and_then_silence()
    {
        await using var host = await TelegramTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Chat:MessagesPerMinute"] = "2",
        });
        await host.Telegram.WaitForCallAsync("setWebhook");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await host.PostUpdateAsync(TelegramFixtures.PrivateText("/help", 900_000 + i))).StatusCode);
        }

        var sent = host.Telegram.CallsTo("sendMessage").Select(c => c.Parameter("text") ?? "").ToArray();
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(3, sent.Length);
        Assert.Equal(Texts.For("ru")["RateLimits.Chat.TooMany"], System.Net.WebUtility.HtmlDecode(sent[2]));
    }

    [Fact]
    public async Task Messages_over_the_chat_limit_change_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T10:00:00Z"));
        await using var api = new ApiFactory(_folder.File("loyalty.db"), clock, new Dictionary<string, string?>
        {
            ["RateLimits:Chat:MessagesPerMinute"] = "1",
        });
        var created = await api.Admin().PostAsJsonAsync("/api/v1/members", new { externalId = "D-1", name = "Dealer" });
        var joinCode = (await created.Json()).GetProperty("joinCode").GetString()!;
        var chat = new ChatDriver(api.Services, "1001");
        await chat.Say("/start");

        var refused = await chat.Say(joinCode);
        var ignored = await chat.Say(joinCode);
        var identity = api.Services.GetRequiredService<ChatIdentities>().Get("test:1001");
        clock.Advance(TimeSpan.FromMinutes(1));
        var linked = await chat.Say(joinCode);

        Assert.Equal(Texts.For("ru")["RateLimits.Chat.TooMany"], ChatDriver.AllText(refused));
        Assert.Empty(ignored.Replies);
        Assert.Contains("Dealer", ChatDriver.AllText(linked));
        Assert.Null(identity?.MemberId);
    }
}
