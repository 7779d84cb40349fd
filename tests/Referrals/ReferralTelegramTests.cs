using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Tests.Fakes.Telegram;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>
/// The whole referral path through the real webhook and the real Telegram.Bot client against the fake Bot API: the
/// partner's invitation photo, the newcomer's deep link, registration with a shared contact, the manager's approval in
/// chat, and the first sale through the API paying the referrer exactly once.
/// </summary>
public sealed partial class ReferralTelegramTests
{
    private const long Partner = 284705193;
    private const long Newcomer = 222222222; // the user of message_contact_own_phone_private.json
    private const long Manager = 457130286; // the user of callback_query_inline_keyboard_private.json

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private long _updateId = 900_000_000;

    [Fact]
    public async Task A_partner_invites_a_newcomer_who_registers_with_a_shared_contact_is_approved_and_whose_first_sale_pays_the_partner_once()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await WaitForUsername(host);
        var admin = host.Admin();
        await Link(host, admin, "P-TG", "Партнёр Иванов", Partner);
        await Link(host, admin, "M-TG", "Менеджер", Manager);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/members/M-TG/roles", new { roles = new[] { "manager" } })).StatusCode);

        // The partner's /invite: a photo (a valid PNG: the QR code) captioned with the deep link, and a share button.
        await Post(host, TelegramFixtures.PrivateText("/invite", NextId(), Partner));
        var photo = Assert.Single(host.Telegram.CallsTo("sendPhoto"));
        Assert.Equal(Partner.ToString(), photo.Parameter("chat_id"));
        Assert.NotNull(photo.FileBytes);
        Assert.Equal(PngSignature, photo.FileBytes![..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(photo.FileBytes, 12, 4));
        var caption = photo.Parameter("caption")!;
        var code = StartLink().Match(caption).Groups[1].Value;
        Assert.Equal(12, code.Length);
        var link = $"https://t.me/loyalty_test_bot?start=ref_{code}";
        Assert.Contains(link, caption);
        var share = Buttons(photo).Single(b => b["url"] is not null)["url"]!.GetValue<string>();
        Assert.StartsWith($"https://t.me/share/url?url={Uri.EscapeDataString(link)}&text=", share);
        Assert.Contains(Uri.EscapeDataString("Присоединяйтесь к программе лояльности"), share);

        // The newcomer arrives through the deep link and registers: company, region button, shared contact, confirm.
        await Post(host, TelegramFixtures.Edit("message_start_deeplink_private_ru.json", update =>
        {
            update["update_id"] = NextId();
            var message = update["message"]!;
            message["text"] = $"/start ref_{code}";
            message["from"]!["id"] = Newcomer;
            message["chat"]!["id"] = Newcomer;
        }));
        Assert.Contains("Партнёр Иванов</b> приглашает вас", LastTextTo(host, Newcomer));
        await Post(host, TelegramFixtures.PrivateText("ООО «Ромашка»", NextId(), Newcomer));
        var regions = host.Telegram.CallsTo("sendMessage").Last(c => c.Parameter("chat_id") == Newcomer.ToString());
        await Press(host, Newcomer, CallbackData(regions, "Казань"));
        var phonePrompt = host.Telegram.CallsTo("sendMessage").Last(c => c.Parameter("chat_id") == Newcomer.ToString());
        var contactButton = JsonNode.Parse(phonePrompt.Parameter("reply_markup")!)!["keyboard"]![0]![0]!;
        Assert.True(contactButton["request_contact"]!.GetValue<bool>());
        await Post(host, TelegramFixtures.Edit("message_contact_own_phone_private.json", update => update["update_id"] = NextId()));
        var confirm = host.Telegram.CallsTo("sendMessage").Last(c => c.Parameter("chat_id") == Newcomer.ToString());
        Assert.Contains("Телефон: +393451234567", confirm.Parameter("text"));
        await Press(host, Newcomer, CallbackData(confirm, "✅ Отправить заявку"));
        Assert.Contains("Заявка #1 отправлена", LastTextTo(host, Newcomer));
        await WaitForTextTo(host, Partner, "зарегистрировалась компания");

        // The manager approves in chat.
        await Post(host, TelegramFixtures.PrivateText("/applications", NextId(), Manager));
        var card = host.Telegram.CallsTo("sendMessage").Last(c => c.Parameter("chat_id") == Manager.ToString());
        Assert.Contains("+393451234567", card.Parameter("text"));
        await Press(host, Manager, CallbackData(card, "✅ Одобрить"));
        Assert.Contains(host.Telegram.CallsTo("editMessageText"), c => c.Parameter("text")!.Contains("участник <b>REF-000001</b> создан", StringComparison.Ordinal));
        await WaitForTextTo(host, Newcomer, "Ваша заявка одобрена");
        await WaitForTextTo(host, Partner, "принята в программу");

        // The first sale through the API pays the partner once, whatever replays and batches follow.
        var soldAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostSale("S-TG-1", "REF-000001", 2, soldAt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostSale("S-TG-1", "REF-000001", 2, soldAt)).StatusCode);
        var batch = await admin.PostAsJsonAsync("/api/v1/sales/batch", new
        {
            sales = new[]
            {
                new { id = "S-TG-1", memberExternalId = "REF-000001", sku = "SKU-1", units = 2L, occurredAt = soldAt },
                new { id = "S-TG-2", memberExternalId = "REF-000001", sku = "SKU-1", units = 4L, occurredAt = DateTimeOffset.UtcNow },
            },
        });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);

        var ledger = (await admin.GetJson("/api/v1/members/P-TG/ledger")).GetProperty("items").EnumerateArray().ToArray();
        var bonus = Assert.Single(ledger);
        Assert.Equal("referralBonus", bonus.GetProperty("kind").GetString());
        Assert.Equal(500m, bonus.GetProperty("amount").GetDecimal());
        Assert.Equal(500m, (await admin.GetJson("/api/v1/members/P-TG")).GetProperty("balance").GetDecimal());
        var welcome = (await admin.GetJson("/api/v1/members/REF-000001/ledger")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "referralBonus");
        Assert.Equal(100m, Assert.Single(welcome).GetProperty("amount").GetDecimal());
        await WaitForTextTo(host, Partner, "за приглашение");
        Assert.Single(host.Telegram.CallsTo("sendMessage"), c => c.Parameter("chat_id") == Partner.ToString() && c.Parameter("text")!.Contains("за приглашение", StringComparison.Ordinal));
    }

    private async Task Link(TelegramTestHost host, HttpClient admin, string externalId, string name, long user)
    {
        var created = await admin.CreateMember(externalId, name);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var joinCode = (await created.Json()).GetProperty("joinCode").GetString();
        await Post(host, TelegramFixtures.PrivateText($"/start join_{joinCode}", NextId(), user));
    }

    private async Task Press(TelegramTestHost host, long user, string data) =>
        await Post(host, TelegramFixtures.Edit("callback_query_inline_keyboard_private.json", update =>
        {
            update["update_id"] = NextId();
            var query = update["callback_query"]!;
            query["id"] = $"cb-{_updateId}";
            query["data"] = data;
            query["from"]!["id"] = user;
            query["message"]!["chat"]!["id"] = user;
        }));

    private static async Task Post(TelegramTestHost host, string update) =>
        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(update)).StatusCode);

    private long NextId() => ++_updateId;

    private static string LastTextTo(TelegramTestHost host, long user) =>
        host.Telegram.Calls.Last(c => c.Method is "sendMessage" or "editMessageText" && c.Parameter("chat_id") == user.ToString()).Parameter("text")!;

    private static Task<RecordedCall> WaitForTextTo(TelegramTestHost host, long user, string fragment) =>
        host.Telegram.WaitForCallAsync("sendMessage", c => c.Parameter("chat_id") == user.ToString() && c.Parameter("text")!.Contains(fragment, StringComparison.Ordinal));

    private static IEnumerable<JsonNode> Buttons(RecordedCall call) =>
        JsonNode.Parse(call.Parameter("reply_markup")!)!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!);

    private static string CallbackData(RecordedCall call, string label) =>
        Buttons(call).Single(b => b["text"]!.GetValue<string>() == label)["callback_data"]!.GetValue<string>();

    private static async Task WaitForUsername(TelegramTestHost host)
    {
        var bot = host.Services.GetRequiredService<TelegramBot>();
        for (var i = 0; i < 200 && bot.Username is null; i++)
        {
            await Task.Delay(25);
        }

        Assert.NotNull(bot.Username);
    }

    [GeneratedRegex(@"\?start=ref_([2-9A-HJ-NP-Z]+)")]
    private static partial Regex StartLink();
}
