using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LoyaltyBot.Api.Telegram;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Fakes.Teams;
using LoyaltyBot.Tests.Fakes.Telegram;
using LoyaltyBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Security;

/// <summary>
/// The real host with every door open: Telegram in webhook mode against a fake Bot API, Teams against a fake
/// Bot Framework, known secrets everywhere, so tests can walk all endpoints the way a caller (or an attacker) would.
/// </summary>
public sealed partial class SecureHost : IAsyncDisposable
{
    public const string BotToken = "7000000001:AAsecure-token_0123456789";
    public const string WebhookSecret = "webhook_Secure-0123456789";

    private readonly TempFolder _folder;
    private readonly ApiFactory _factory;

    private SecureHost(FakeTelegramServer telegram, FakeBotFrameworkServer teams, TempFolder folder, ApiFactory factory, WebApplicationFactory<Program> api)
    {
        Telegram = telegram;
        Teams = teams;
        _folder = folder;
        _factory = factory;
        Api = api;
    }

    public FakeTelegramServer Telegram { get; }

    public FakeBotFrameworkServer Teams { get; }

    public WebApplicationFactory<Program> Api { get; }

    public IServiceProvider Services => Api.Services;

    public static async Task<SecureHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, Action<IWebHostBuilder>? configure = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var teams = await FakeBotFrameworkServer.StartAsync();
        var settings = teams.Settings();
        settings["Telegram:BotToken"] = BotToken;
        settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        settings["Telegram:Mode"] = "webhook";
        settings["Telegram:WebhookSecret"] = WebhookSecret;
        settings["Telegram:WebhookUrl"] = "https://loyalty.example/telegram/webhook";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var folder = new TempFolder();
        var factory = new ApiFactory(folder.File("loyalty.db"), settings: settings);
        WebApplicationFactory<Program> api = configure is null ? factory : factory.WithWebHostBuilder(configure);
        var host = new SecureHost(telegram, teams, folder, factory, api);
        _ = api.Services;
        await telegram.WaitForCallAsync("setWebhook");
        return host;
    }

    public HttpClient Anonymous() => Api.CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Admin() => WithKey(ApiFactory.AdminKey);

    /// <summary>Creates a key with the role and returns its secret.</summary>
    public async Task<string> KeyFor(string role)
    {
        var response = await Admin().PostAsync("/api/v1/api-keys", Json($$"""{"name":"{{role}} key","role":"{{role}}"}"""));
        response.EnsureSuccessStatusCode();
        return (await response.Json()).GetProperty("key").GetString()!;
    }

    /// <summary>A request to the Telegram webhook with the right secret (unless told otherwise).</summary>
    public HttpRequestMessage TelegramUpdate(HttpContent body, string? secret = WebhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = body };
        if (secret is not null)
        {
            request.Headers.Add(TelegramEndpoints.SecretHeader, secret);
        }

        return request;
    }

    /// <summary>A request to the Teams messaging endpoint with a valid connector token.</summary>
    public HttpRequestMessage TeamsActivity(HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Teams.TeamsKey.Sign(FakeBotFrameworkServer.AppId, Teams.ServiceUrl));
        return request;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Every routed endpoint: "METHOD /pattern", the method, the pattern and whether it reads a JSON body.</summary>
    public IReadOnlyList<HostEndpoint> Endpoints() =>
        Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
                var json = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                    .Any(a => a.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)));
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                return methods.Select(m => new HostEndpoint($"{m} {pattern}", m, pattern, json));
            })
            .ToArray();

    /// <summary>A callable path: route values become the given id (documents: v1).</summary>
    public static string Concrete(string pattern, Func<string, string> valueFor) =>
        RouteValue().Replace(pattern, m => m.Value.StartsWith("{documentName", StringComparison.Ordinal) ? "v1" : valueFor(m.Value.Trim('{', '}', '?')));

    /// <summary>How many documents each collection holds: equal before and after means nothing was written.</summary>
    public IReadOnlyDictionary<string, int> StoreCounts()
    {
        var database = Services.GetRequiredService<LiteStore>().Database;
        return database.GetCollectionNames().Order(StringComparer.Ordinal).ToDictionary(n => n, n => database.GetCollection(n).Count());
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (!ReferenceEquals(_factory, Api))
        {
            await _factory.DisposeAsync();
        }

        await Teams.DisposeAsync();
        await Telegram.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

public sealed record HostEndpoint(string Key, string Method, string Pattern, bool ReadsJson);
