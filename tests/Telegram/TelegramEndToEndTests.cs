using System.Net;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Tests.Telegram;

/// <summary>The real conversation engine behind the real webhook, with Telegram faked at the HTTP level.</summary>
public sealed class TelegramEndToEndTests
{
    [Fact]
    public async Task A_member_joins_with_the_link_code_is_greeted_by_name_escaped_and_sees_the_balance()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await WaitForUsername(host);
        var admin = host.Admin();
        const string name = "Иван <Петров> & \"Сыновья\"";
        var created = await admin.CreateMember("D-TG-1", name, language: "ru");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        var code = body.GetProperty("joinCode").GetString()!;
        Assert.Equal($"https://t.me/loyalty_test_bot?start=join_{code}", body.GetProperty("joinLink").GetString());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostSale("S-TG-1", "D-TG-1", 1200)).StatusCode);
        var balance = (await admin.GetJson("/api/v1/members/D-TG-1")).GetProperty("balance").GetDecimal();

        var joined = await host.PostUpdateAsync(TelegramFixtures.Edit("message_start_deeplink_private_ru.json", u => u["message"]!["text"] = $"/start join_{code}"));

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var greeting = host.Telegram.CallsTo("sendMessage")[0];
        Assert.Equal("284705193", greeting.Parameter("chat_id"));
        Assert.Equal("Html", greeting.Parameter("parse_mode"));
        Assert.Contains("Иван &lt;Петров&gt; &amp; &quot;Сыновья&quot;", greeting.Parameter("text"));
        Assert.DoesNotContain("<Петров>", greeting.Parameter("text"));

        var before = host.Telegram.CallsTo("sendMessage").Count;
        await host.PostUpdateAsync(TelegramFixtures.PrivateText("/balance", updateId: 231999300));

        var reply = host.Telegram.CallsTo("sendMessage").Skip(before).Single();
        // The rich text encodes the non-breaking space of "1 300" as &#160;, which Telegram's HTML accepts.
        Assert.Contains(WebUtility.HtmlEncode(Texts.For("ru").Points(balance)), reply.Parameter("text"));
        Assert.Contains("callback_data", reply.Parameter("reply_markup"));
    }

    [Fact]
    public async Task A_button_of_the_real_menu_is_answered_and_its_reply_sent()
    {
        await using var host = await TelegramTestHost.StartAsync();

        await host.PostUpdateAsync(TelegramFixtures.Edit("callback_query_inline_keyboard_private.json", u => u["callback_query"]!["data"] = "help"));

        Assert.Single(host.Telegram.CallsTo("answerCallbackQuery"));
        Assert.Contains(host.ReplyCalls(), c => c.Method is "sendMessage" or "editMessageText");
    }

    [Fact]
    public async Task Neither_the_bot_token_nor_the_webhook_secret_appears_in_the_logs()
    {
        var logs = new CapturedLogs();
        await using var host = await TelegramTestHost.StartAsync(configure: builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        }));
        host.Telegram.FailNextWith("sendMessage", 1, 502);

        await host.Telegram.WaitForCallAsync("setWebhook");
        await host.PostUpdateAsync(TelegramFixtures.Load("message_start_private_ru.json"));
        await host.PostUpdateAsync(TelegramFixtures.Load("message_command_private.json"), secret: "wrong");
        await host.PostUpdateAsync(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));

        Assert.Contains(logs.Lines, l => l.Category.StartsWith("LoyaltyBot.Bot.Telegram", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains("AAtest-token", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(TelegramTestHost.Secret, StringComparison.Ordinal));
    }

    private static async Task WaitForUsername(TelegramTestHost host)
    {
        var bot = host.Services.GetRequiredService<TelegramBot>();
        for (var i = 0; i < 200 && bot.Username is null; i++)
        {
            await Task.Delay(25);
        }

        Assert.NotNull(bot.Username);
    }
}
