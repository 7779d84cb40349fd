using LoyaltyBot.Api.Telegram;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Tests.Fakes.Telegram;
using LoyaltyBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyBot.Tests.Telegram;

/// <summary>The real API host with Telegram switched on, its Bot API calls going to a <see cref="FakeTelegramServer"/>.</summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Token = "7000000001:AAtest-token_0123456789";
    public const string Secret = "webhook_S3cret-0123";
    public const string WebhookUrl = "https://loyalty.example/telegram/webhook";

    private readonly TempFolder _folder;
    private readonly ApiFactory _api;

    private TelegramTestHost(FakeTelegramServer telegram, TempFolder folder, ApiFactory api, WebApplicationFactory<Program> host)
    {
        Telegram = telegram;
        _folder = folder;
        _api = api;
        Host = host;
        Client = host.CreateClient();
    }

    public FakeTelegramServer Telegram { get; }

    public WebApplicationFactory<Program> Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>A client without an API key (the webhook does not use one).</summary>
    public HttpClient Client { get; }

    /// <param name="engine">A stand-in for the conversation engine; null keeps the real one.</param>
    /// <param name="settings">Extra or overriding configuration (a null value removes a Telegram setting).</param>
    /// <param name="configure">More changes to the host (logging, services).</param>
    public static async Task<TelegramTestHost> StartAsync(
        string mode = "webhook",
        IConversationEngine? engine = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IWebHostBuilder>? configure = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        var folder = new TempFolder();
        var all = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:WebhookUrl"] = WebhookUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var api = new ApiFactory(folder.File("loyalty.db"), settings: all);
        WebApplicationFactory<Program> host = engine is null && configure is null
            ? api
            : api.WithWebHostBuilder(builder =>
            {
                if (engine is not null)
                {
                    builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(engine)));
                }

                configure?.Invoke(builder);
            });
        var started = new TelegramTestHost(telegram, folder, api, host);
        _ = started.Services; // start the host (and its background services) now
        return started;
    }

    public HttpClient Admin()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.AdminKey);
        return client;
    }

    /// <summary>Posts an update to the webhook as Telegram would, with the secret header unless told otherwise.</summary>
    public Task<HttpResponseMessage> PostUpdateAsync(string json, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramEndpoints.SecretHeader, secret);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Calls the fake received that a handled update causes (not the startup's getMe/setWebhook/setMyCommands).</summary>
    public IReadOnlyList<RecordedCall> ReplyCalls() =>
        Telegram.Calls.Where(c => c.Method is "sendMessage" or "sendPhoto" or "editMessageText" or "editMessageReplyMarkup" or "answerCallbackQuery").ToArray();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (!ReferenceEquals(Host, _api))
        {
            await _api.DisposeAsync();
        }

        await Telegram.DisposeAsync();
        _folder.Dispose();
    }
}
