using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Telegram;

namespace LoyaltyBot.Tests.Rewards;

/// <summary>The rewards flow through the real webhook and Telegram adapter, with Telegram faked at the HTTP level.</summary>
public sealed partial class RewardsTelegramTests
{
    private const long Dealer = 284705193;
    private const long Manager = 284705194;
    private long _updateId = 500_000_000;

    [Fact]
    public async Task Through_telegram_a_dealer_redeems_a_manager_approves_in_pending_and_the_dealer_receives_the_voucher()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var admin = host.Admin();
        var dealerCode = await Enrol(admin, "D-TG", points: 3000);
        var managerCode = await Enrol(admin, "M-TG");
        await admin.PostAsJsonAsync("/api/v1/members/M-TG/roles", new { roles = new[] { "manager" } });
        var created = await admin.PostAsJsonAsync("/api/v1/rewards", RewardsScenario.RewardBody(costPoints: 1250, name: "Кружка", stock: 2));
        var reward = (await created.Json()).GetProperty("id").GetString()!;
        await Say(host, Dealer, $"/start join_{dealerCode}");
        await Say(host, Manager, $"/start join_{managerCode}");

        var list = await Say(host, Dealer, "/rewards");
        Assert.Contains("✅ Кружка — 1 250 баллов", list.Text);
        var card = await Press(host, Dealer, Payload(list.Markup, $"rw:s:{reward}:1"));
        var confirm = await Press(host, Dealer, Payload(card.Markup, "rw:c:"));
        Assert.Contains("Баланс после обмена: 1 750 баллов", confirm.Text);
        var done = await Press(host, Dealer, Payload(confirm.Markup, "rw:y:"));
        Assert.Contains("принята", done.Text);

        var pending = await Say(host, Manager, "/pending");
        Assert.Contains("Кружка", pending.Text);
        await Press(host, Manager, Payload(pending.Markup, "pnd:a:"));
        var approved = await Say(host, Manager, "TG-VOUCHER-7");
        Assert.Contains("одобрена", approved.Text);

        var delivered = await host.Telegram.WaitForCallAsync(
            "sendMessage", c => c.Parameter("chat_id") == $"{Dealer}" && c.Parameter("text")?.Contains("TG-VOUCHER-7") == true);
        Assert.Contains("выполнена", Plain(delivered.Parameter("text")));
        Assert.Equal(1750, (await admin.GetJson("/api/v1/members/D-TG")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task The_telegram_command_menu_offers_the_rewards_commands_but_not_the_managers_one()
    {
        await using var host = await TelegramTestHost.StartAsync();

        var ru = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == "ru");
        var en = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == "en");

        Assert.Contains("\"command\":\"rewards\"", ru.Parameter("commands"));
        Assert.Contains("\"command\":\"myrewards\"", ru.Parameter("commands"));
        Assert.DoesNotContain("\"command\":\"pending\"", ru.Parameter("commands"));
        Assert.Contains("Каталог наград", Regex.Unescape(ru.Parameter("commands")!));
        Assert.Contains("Reward catalog", en.Parameter("commands"));
    }

    private static async Task<string> Enrol(HttpClient admin, string externalId, decimal points = 0)
    {
        var created = await admin.CreateMember(externalId, $"Дилер {externalId}", language: "ru");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        if (points > 0)
        {
            await admin.PostAsJsonAsync($"/api/v1/members/{externalId}/adjustments", new { amount = points, reason = "test setup" });
        }

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

    /// <summary>Posts the update and returns the last text the bot sent or edited in answer.</summary>
    private static async Task<Reply> Send(TelegramTestHost host, string update)
    {
        var before = host.Telegram.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(update)).StatusCode);
        var reply = host.Telegram.Calls.Skip(before).Last(c => c.Method is "sendMessage" or "editMessageText" or "sendPhoto" && c.Succeeded);
        return new Reply(Plain(reply.Parameter("text") ?? reply.Parameter("caption")), reply.Parameter("reply_markup") ?? string.Empty);
    }

    private static string Payload(string markup, string prefix) =>
        PayloadPattern().Matches(markup).Select(m => m.Groups[1].Value).First(p => p.StartsWith(prefix, StringComparison.Ordinal));

    private static string Plain(string? html) => RewardsScenario.Plain(new RichText(html ?? string.Empty).ToPlainText());

    [GeneratedRegex("\"callback_data\":\"([^\"]+)\"")]
    private static partial Regex PayloadPattern();

    private sealed record Reply(string Text, string Markup);
}
