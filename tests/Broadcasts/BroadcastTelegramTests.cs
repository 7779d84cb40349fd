using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Telegram;

namespace LoyaltyBot.Tests.Broadcasts;

/// <summary>The <c>/broadcast</c> image step through the real webhook and Telegram adapter, with Telegram faked at the HTTP level.</summary>
public sealed partial class BroadcastTelegramTests
{
    private const long Manager = 284705301;
    private const long Dealer = 284705302;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3, 4, 5];
    private long _updateId = 610_000_000;

    [Fact]
    public async Task A_photo_sent_at_the_image_step_is_downloaded_previewed_with_the_text_as_caption_and_sent_to_recipients()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await Join(host);
        await Say(host, Manager, "/broadcast");
        var askImage = await Say(host, Manager, "<b>Акция!</b> Двойные баллы");
        Assert.Contains("Пришлите картинку", askImage.Text);

        var added = await Send(host, host.Telegram.PhotoUpdate(++_updateId, Manager, Jpeg));

        Assert.Contains("Картинка добавлена", added.Text);
        Assert.Contains("Кому отправить?", added.Text);
        var download = host.Telegram.CallsTo("file").Single();
        Assert.Equal(200, download.StatusCode);
        Assert.Equal(TelegramTestHost.Token, download.Token);
        var getFile = host.Telegram.CallsTo("getFile").Single();
        Assert.Equal("photos/file_2.jpg", download.Parameter("file_path")); // the largest size, not the thumbnail
        Assert.True(getFile.Succeeded);

        var before = host.Telegram.Calls.Count;
        await Press(host, Manager, Payload(added.Markup, "bc:a:"));
        var preview = host.Telegram.Calls.Skip(before).Single(c => c.Method == "sendPhoto");
        Assert.Equal($"{Manager}", preview.Parameter("chat_id"));
        Assert.Equal(Jpeg, preview.FileBytes);
        Assert.Equal("<b>Акция!</b> Двойные баллы", preview.Parameter("caption"));
        var confirm = host.Telegram.Calls.Skip(before).Last(c => c.Method == "sendMessage");
        Assert.Contains("Получателей: 2", Plain(confirm.Parameter("text")));

        await Press(host, Manager, Payload(confirm.Parameter("reply_markup")!, "bc:y:"));

        var delivered = await host.Telegram.WaitForCallAsync("sendPhoto", c => c.Parameter("chat_id") == $"{Dealer}", TimeSpan.FromSeconds(20));
        Assert.Equal(Jpeg, delivered.FileBytes);
        Assert.Equal(preview.Parameter("caption"), delivered.Parameter("caption"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_the_dialog_stays_at_the_image_step()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await Join(host);
        await Say(host, Manager, "/broadcast");
        await Say(host, Manager, "Скидки на всё");

        var refused = await Send(host, host.Telegram.DocumentUpdate(++_updateId, Manager, "%PDF-1.4 not a picture"u8.ToArray(), "promo.png", "image/png"));

        Assert.Contains("Это не картинка", refused.Text);
        Assert.Contains("bc:s:", refused.Markup);
        var text = await Say(host, Manager, "а можно без картинки?");
        Assert.Contains("Пришлите картинку", text.Text);
        var accepted = await Send(host, host.Telegram.DocumentUpdate(++_updateId, Manager, Jpeg, "promo.jpg", "image/jpeg"));
        Assert.Contains("Картинка добавлена", accepted.Text);
    }

    [Fact]
    public async Task Skip_at_the_image_step_goes_on_without_an_image()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await Join(host);
        await Say(host, Manager, "/broadcast");
        var askImage = await Say(host, Manager, "Скидки на всё");

        var audience = await Press(host, Manager, Payload(askImage.Markup, "bc:s:"));
        var before = host.Telegram.Calls.Count;
        await Press(host, Manager, Payload(audience.Markup, "bc:a:"));

        Assert.Contains("Кому отправить?", audience.Text);
        Assert.DoesNotContain(host.Telegram.Calls.Skip(before), c => c.Method == "sendPhoto");
        Assert.Contains(host.Telegram.Calls.Skip(before), c => c.Method == "sendMessage" && c.Parameter("text") == "Скидки на всё");
        Assert.Empty(host.Telegram.CallsTo("getFile"));
    }

    private async Task Join(TelegramTestHost host)
    {
        var admin = host.Admin();
        var manager = await Enrol(admin, "M-TG-BC");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/members/M-TG-BC/roles", new { roles = new[] { "manager" } })).StatusCode);
        var dealer = await Enrol(admin, "D-TG-BC");
        await Say(host, Manager, $"/start join_{manager}");
        await Say(host, Dealer, $"/start join_{dealer}");
    }

    private static async Task<string> Enrol(HttpClient admin, string externalId)
    {
        var created = await admin.CreateMember(externalId, $"Участник {externalId}", language: "ru");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json()).GetProperty("joinCode").GetString()!;
    }

    private Task<Reply> Say(TelegramTestHost host, long user, string text) =>
        Send(host, TelegramFixtures.PrivateText(text, ++_updateId, userId: user));

    private Task<Reply> Press(TelegramTestHost host, long user, string data) =>
        Send(host, TelegramFixtures.Edit("callback_query_inline_keyboard_private.json", update =>
        {
            update["update_id"] = ++_updateId;
            var callback = update["callback_query"]!.AsObject();
            callback["id"] = $"cb-{_updateId}";
            callback["data"] = data;
            callback["from"]!["id"] = user;
            callback["message"]!["chat"]!["id"] = user;
        }));

    /// <summary>Posts the update and returns everything the bot sent or edited in answer, with the last keyboard.</summary>
    private static async Task<Reply> Send(TelegramTestHost host, string update)
    {
        var before = host.Telegram.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(update)).StatusCode);
        var replies = host.Telegram.Calls.Skip(before).Where(c => c.Method is "sendMessage" or "editMessageText" or "sendPhoto" && c.Succeeded).ToArray();
        return new Reply(
            string.Join("\n", replies.Select(c => Plain(c.Parameter("text") ?? c.Parameter("caption")))),
            replies.LastOrDefault(c => c.Parameter("reply_markup") is not null)?.Parameter("reply_markup") ?? string.Empty);
    }

    private static string Payload(string markup, string prefix) =>
        PayloadPattern().Matches(markup).Select(m => m.Groups[1].Value).First(p => p.StartsWith(prefix, StringComparison.Ordinal));

    private static string Plain(string? html) => new RichText(html ?? string.Empty).ToPlainText();

    [GeneratedRegex("\"callback_data\":\"([^\"]+)\"")]
    private static partial Regex PayloadPattern();

    private sealed record Reply(string Text, string Markup);
}
