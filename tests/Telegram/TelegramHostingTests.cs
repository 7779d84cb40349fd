using System.Net;
using System.Text.Json;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramHostingTests
{
    [Fact]
    public async Task Webhook_mode_registers_the_webhook_with_its_secret_on_start()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        var call = await host.Telegram.WaitForCallAsync("setWebhook");

        Assert.Equal(TelegramTestHost.WebhookUrl, call.Parameter("url"));
        Assert.Equal(TelegramTestHost.Secret, call.Parameter("secret_token"));
        var allowed = JsonSerializer.Deserialize<string[]>(call.Parameter("allowed_updates")!)!;
        Assert.Equal(["message", "callback_query", "my_chat_member"], allowed);
        Assert.Equal(TelegramTestHost.Token, call.Token);
        Assert.Empty(host.Telegram.CallsTo("getUpdates"));
    }

    [Fact]
    public async Task The_command_menu_is_published_in_Russian_Ukrainian_English_and_a_default()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        var ru = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == "ru");
        var uk = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == "uk");
        var en = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == "en");
        var fallback = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") is null);

        Assert.Contains("\"command\":\"balance\"", ru.Parameter("commands"));
        Assert.Contains("Баланс и уровень", Decode(ru));
        Assert.Contains("Баланс і рівень", Decode(uk));
        Assert.Contains("Balance and tier", Decode(en));
        Assert.Equal(Decode(ru), Decode(fallback));
    }

    [Fact]
    public async Task Polling_mode_removes_the_webhook_and_delivers_an_enqueued_update_to_the_engine_and_the_reply_to_Telegram()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(mode: "polling", engine: engine);

        host.Telegram.EnqueueUpdate(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));
        var reply = await host.Telegram.WaitForCallAsync("sendMessage", c => c.Parameter("chat_id") == "284705193");

        Assert.Contains("привет!", reply.Parameter("text"));
        Assert.Equal("привет!", Assert.Single(engine.Received).Text);
        var calls = host.Telegram.Calls.Select(c => c.Method).ToList();
        Assert.True(calls.IndexOf("deleteWebhook") < calls.IndexOf("getUpdates"));
        Assert.Empty(host.Telegram.CallsTo("setWebhook"));
    }

    [Fact]
    public async Task Polling_confirms_handled_updates_and_handles_a_redelivered_one_once()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(mode: "polling", engine: engine);
        var update = TelegramFixtures.Load("message_text_private_cyrillic_ru.json");

        host.Telegram.EnqueueUpdate(update);
        await host.Telegram.WaitForCallAsync("sendMessage");
        await host.Telegram.WaitForCallAsync("getUpdates", c => c.Parameter("offset") == "231999261");
        host.Telegram.EnqueueUpdate(update);
        host.Telegram.EnqueueUpdate(TelegramFixtures.PrivateText("ещё", updateId: 231999262));
        await host.Telegram.WaitForCallAsync("getUpdates", c => c.Parameter("offset") == "231999263");

        Assert.Equal(["привет!", "ещё"], engine.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Polling_survives_Bot_API_errors_and_carries_on()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(mode: "polling", engine: engine);
        await host.Telegram.WaitForCallAsync("getUpdates");
        host.Telegram.FailNextWith("getUpdates", 1, 502);
        await host.Telegram.WaitForCallAsync("getUpdates", c => c.StatusCode == 502);

        host.Telegram.EnqueueUpdate(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));
        await host.Telegram.WaitForCallAsync("sendMessage", timeout: TimeSpan.FromSeconds(15));

        Assert.Single(host.Telegram.CallsTo("getUpdates"), c => c.StatusCode == 502);
        Assert.Single(engine.Received);
    }

    [Fact]
    public async Task Without_a_token_the_product_runs_and_nothing_Telegram_related_starts()
    {
        await using var telegram = await Fakes.Telegram.FakeTelegramServer.StartAsync();
        using var folder = new TempFolder();
        using var api = new ApiFactory(folder.File("loyalty.db"), settings: new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:WebhookSecret"] = TelegramTestHost.Secret,
        });
        var client = api.CreateClient();

        var health = await client.GetAsync("/health");
        var webhook = await client.PostAsync("/telegram/webhook", new StringContent(TelegramFixtures.Load("message_start_private_ru.json"))
        {
            Headers = { { "X-Telegram-Bot-Api-Secret-Token", TelegramTestHost.Secret } },
        });
        var sender = api.Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram");
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        Assert.False(api.Services.GetRequiredService<TelegramBot>().IsEnabled);
        Assert.IsType<DeliveryResult.Transient>(await sender.SendAsync(
            new() { Id = "telegram:1", Channel = "telegram", ChannelUserId = "1", ChatId = "1" }, Core.Chat.ChatMessage.Plain("hi"), CancellationToken.None));
        Assert.Empty(telegram.Calls);
    }

    [Fact]
    public async Task Without_a_token_the_log_says_once_that_Telegram_is_off()
    {
        var logs = new CapturedLogs();
        using var folder = new TempFolder();
        using var api = new ApiFactory(folder.File("loyalty.db")).WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        }));
        _ = api.Services;

        for (var i = 0; i < 100 && !logs.Lines.Any(l => l.Text.Contains("Telegram is off")); i++)
        {
            await Task.Delay(20);
        }

        var line = Assert.Single(logs.Lines, l => l.Text.Contains("Telegram is off", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning && l.Category.Contains("Telegram", StringComparison.Ordinal));
    }

    private static string Decode(Fakes.Telegram.RecordedCall call) =>
        string.Join("|", JsonDocument.Parse(call.Parameter("commands")!).RootElement.EnumerateArray().Select(c => c.GetProperty("description").GetString()));
}
