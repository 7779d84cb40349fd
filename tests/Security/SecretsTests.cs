using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LoyaltyBot.Core.Auth;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Fakes.Teams;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Teams;
using LoyaltyBot.Tests.Telegram;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Tests.Security;

public sealed class SecretsTests
{
    [Fact]
    public async Task No_secret_appears_in_any_log_line_or_response_body()
    {
        var logs = new CapturedLogs();
        await using var host = await SecureHost.StartAsync(configure: builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        }));
        var bodies = new List<(string What, string Body)>();
        async Task<HttpResponseMessage> Send(string what, Task<HttpResponseMessage> call)
        {
            var response = await call;
            bodies.Add((what, await response.Content.ReadAsStringAsync()));
            return response;
        }

        // API keys: a created one, then wrong, right and revoked uses, errors of every kind.
        var created = await host.Admin().PostAsync("/api/v1/api-keys", SecureHost.Json("""{"name":"ERP","role":"integration"}"""));
        var createdBody = await created.Content.ReadAsStringAsync();
        var issued = JsonNode.Parse(createdBody)!;
        var secret = issued["key"]!.GetValue<string>();
        var keyId = issued["id"]!.GetValue<string>();
        var wrongButSameId = secret[..^4] + "AAAA";
        await Send("wrong key", host.WithKey(wrongButSameId).GetAsync("/api/v1/members"));
        await Send("admin key with a typo", host.WithKey(ApiFactory.AdminKey + "x").GetAsync("/api/v1/members"));
        await Send("right key", host.WithKey(secret).GetAsync("/api/v1/members"));
        await Send("bad JSON", host.WithKey(secret).PostAsync("/api/v1/members", SecureHost.Json("{\"externalId\":")));
        await Send("validation", host.WithKey(secret).PostAsync("/api/v1/members", SecureHost.Json("{\"externalId\":\"\"}")));
        await Send("created member", host.WithKey(secret).PostAsync("/api/v1/members", SecureHost.Json("""{"externalId":"D-1","name":"Dealer","language":"en"}""")));
        await Send("forbidden", host.WithKey(secret).GetAsync("/api/v1/api-keys"));
        await Send("key list", host.Admin().GetAsync("/api/v1/api-keys"));
        await Send("revoke", host.Admin().DeleteAsync($"/api/v1/api-keys/{keyId}"));
        await Send("revoked key", host.WithKey(secret).GetAsync("/api/v1/members"));
        await Send("not found", host.Admin().GetAsync("/api/v1/members/nobody"));

        // Telegram: wrong secret, then updates with the right one; the first reply fails so the failure is logged.
        host.Telegram.FailNextWith("sendMessage", 1, 502);
        await Send("telegram, wrong secret", host.Anonymous().SendAsync(host.TelegramUpdate(SecureHost.Json(TelegramFixtures.Load("message_start_private_ru.json")), "wrong")));
        await Send("telegram, no secret", host.Anonymous().SendAsync(host.TelegramUpdate(SecureHost.Json(TelegramFixtures.Load("message_start_private_ru.json")), null)));
        await Send("telegram /start", host.Anonymous().SendAsync(host.TelegramUpdate(SecureHost.Json(TelegramFixtures.Load("message_start_private_ru.json")))));
        await Send("telegram text", host.Anonymous().SendAsync(host.TelegramUpdate(SecureHost.Json(TelegramFixtures.Load("message_text_private_cyrillic_ru.json")))));
        await Send("telegram garbage", host.Anonymous().SendAsync(host.TelegramUpdate(SecureHost.Json("{\"update_id\":\"x\"}"))));

        // Teams: a bad token, then a real message that makes the bot fetch its token (with the app password) and reply.
        var activity = JsonNode.Parse(Encoding.UTF8.GetString(TeamsFixtures.WithoutBom(TeamsFixtures.Read("message_personal_with_aadObjectId_2018.json"))))!.AsObject();
        activity["serviceUrl"] = host.Teams.ServiceUrl;
        activity["text"] = "/help";
        var badToken = host.TeamsActivity(SecureHost.Json(activity.ToJsonString()));
        badToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
        await Send("teams, bad token", host.Anonymous().SendAsync(badToken));
        var teamsReply = await Send("teams /help", host.Anonymous().SendAsync(host.TeamsActivity(SecureHost.Json(activity.ToJsonString()))));
        await host.Telegram.WaitForCallAsync("sendMessage");

        Assert.Equal(HttpStatusCode.OK, teamsReply.StatusCode);
        Assert.NotEmpty(host.Teams.TokenRequests);
        Assert.Contains(logs.Lines, l => l.Category.StartsWith("LoyaltyBot", StringComparison.Ordinal));
        string[] secrets =
        [
            SecureHost.BotToken, SecureHost.BotToken.Split(':')[1], SecureHost.WebhookSecret, FakeBotFrameworkServer.AppPassword,
            ApiFactory.AdminKey, secret, secret.Split('_')[^1], wrongButSameId,
        ];
        foreach (var value in secrets)
        {
            Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(value, StringComparison.Ordinal) || l.Category.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(bodies, b => b.Body.Contains(value, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(secret, createdBody); // shown once, at creation, and nowhere else
    }

    [Fact]
    public async Task Api_keys_are_stored_as_sha256_of_a_per_key_random_salt_and_the_secret()
    {
        using var folder = new TempFolder();
        await using var api = new ApiFactory(folder.File("loyalty.db"));
        var first = await api.KeyFor("integration");
        var second = await api.KeyFor("integration");

        var stored = api.Services.GetRequiredService<IDocumentStore>().Set<ApiKey>().All()
            .Where(k => k.Id != ApiKeys.ConfiguredAdminId).ToArray();

        Assert.Equal(2, stored.Length);
        Assert.NotEqual(stored[0].Salt, stored[1].Salt);
        Assert.All(stored, k => Assert.Equal(16, Convert.FromBase64String(k.Salt).Length));
        Assert.All(stored, k => Assert.Equal(32, Convert.FromBase64String(k.Hash).Length));
        Assert.All(stored, k => Assert.DoesNotContain(k.Hash, first + second));
        Assert.Contains(stored, k => ApiKeySecrets.Matches(first, k));
        Assert.Contains(stored, k => ApiKeySecrets.Matches(second, k));
        Assert.DoesNotContain(stored, k => ApiKeySecrets.Matches(first + "x", k));
    }
}
