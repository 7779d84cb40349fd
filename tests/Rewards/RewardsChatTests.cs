using System.Net.Http.Headers;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Rewards;

public sealed class RewardsChatTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private static string Text(Bot.Conversations.ConversationTurn turn) => RewardsScenario.Text(turn);

    private static string[] Payloads(Bot.Conversations.ConversationTurn turn) =>
        ChatDriver.AllButtons(turn).Select(b => b.Payload ?? string.Empty).ToArray();

    private static string PayloadStarting(Bot.Conversations.ConversationTurn turn, string prefix) =>
        Payloads(turn).Single(p => p.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task A_member_redeems_in_chat_a_manager_approves_with_pending_and_the_voucher_reaches_the_member()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 3000);
        var manager = await _scenario.LinkedChat("M-1", "2002", manager: true);
        var reward = await _scenario.Reward(costPoints: 1250, name: "Кружка", stock: 5);

        var list = await member.Say("/rewards");
        Assert.Contains("✅ Кружка — 1 250 баллов", Text(list));
        var card = await member.Press($"rw:s:{reward}:1");
        Assert.Contains("Описание: Кружка", Text(card));
        Assert.Contains("Стоимость: 1 250 баллов", Text(card));
        var confirm = await member.Press(PayloadStarting(card, "rw:c:"));
        Assert.Contains("Баланс после обмена: 1 750 баллов", Text(confirm));
        var done = await member.Press(PayloadStarting(confirm, "rw:y:"));
        Assert.Contains("Заявка на «Кружка» принята, списано 1 250 баллов. Баланс: 1 750 баллов.", Text(done));
        Assert.Equal(1750, await _scenario.Balance("D-1"));
        Assert.Equal(4, await _scenario.Stock(reward));

        var pending = await manager.Say("/pending");
        Assert.Contains("Кружка — 1 250 баллов", Text(pending));
        Assert.Contains("Дилер D-1 (D-1)", Text(pending));
        var prompt = await manager.Press(PayloadStarting(pending, "pnd:a:"));
        Assert.Contains("код ваучера", Text(prompt));
        var approved = await manager.Say("GIFT-2026-XYZ");
        Assert.Contains("одобрена", Text(approved));

        var delivered = await _scenario.DeliveredTo("1001", "GIFT-2026-XYZ");
        Assert.Contains("Ваша заявка на «Кружка» выполнена!", delivered);
        Assert.Single(_scenario.Channel.Delivered, d => d.ChatId == "1001");
        var mine = Text(await member.Say("/myrewards"));
        Assert.Contains("✅ выполнена", mine);
        Assert.Contains("Код: GIFT-2026-XYZ", mine);
        var fulfilled = (await _scenario.Admin.GetJson("/api/v1/redemptions?status=fulfilled")).GetProperty("items")[0];
        Assert.Equal("chat:test:2002", fulfilled.GetProperty("history")[1].GetProperty("actor").GetString());
        Assert.Equal("chat:test:1001", fulfilled.GetProperty("history")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_catalog_lists_what_the_member_can_afford_first_and_says_why_the_rest_is_out_of_reach()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 250);
        var gold = await _scenario.Reward(RewardsScenario.RewardBody(costPoints: 100, name: "Золотая карта", minTier: "Gold"));
        var pricey = await _scenario.Reward(costPoints: 1500, name: "Термос");
        var cheap = await _scenario.Reward(costPoints: 200, name: "Ручка");
        var gone = await _scenario.Reward(costPoints: 50, name: "Блокнот", stock: 0);
        var hidden = await _scenario.Reward(costPoints: 10, name: "Скрытая");
        await _scenario.Admin.PostAsync($"/api/v1/rewards/{hidden}/deactivate", null);

        var list = await member.Say("/rewards");

        var text = Text(list);
        Assert.Contains("Ваш баланс: 250 баллов", text);
        Assert.Contains("✅ Ручка — 200 баллов", text);
        Assert.Contains("🔒 Термос — 1 500 баллов (не хватает 1 250 баллов)", text);
        Assert.Contains("🔒 Золотая карта — 100 баллов (доступно с уровня Gold)", text);
        Assert.Contains("🔒 Блокнот — 50 баллов (нет в наличии)", text);
        Assert.DoesNotContain("Скрытая", text);
        Assert.Equal(
            [$"rw:s:{cheap}:1", $"rw:s:{gone}:1", $"rw:s:{gold}:1", $"rw:s:{pricey}:1", "menu"],
            Payloads(list));
    }

    [Fact]
    public async Task The_catalog_is_paged_with_buttons()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 10_000);
        for (var i = 1; i <= 7; i++)
        {
            await _scenario.Reward(costPoints: i * 100, name: $"Награда {i}");
        }

        var first = await member.Say("/rewards");
        Assert.Contains("стр. 1 из 2", Text(first));
        Assert.Contains("rw:p:2", Payloads(first));

        var second = await member.Press("rw:p:2", sourceMessageId: "55");
        Assert.Contains("Награда 7", Text(second));
        Assert.Equal("55", second.Replies[0].ReplaceMessageId);
        Assert.Contains("rw:p:1", Payloads(second));
    }

    [Fact]
    public async Task A_rewards_card_shows_its_image()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await _scenario.Admin.PutAsync($"/api/v1/rewards/{reward}/image", content);

        var card = await member.Press($"rw:s:{reward}:1");

        Assert.Equal(png, card.Replies.Single().Image?.Bytes);
        Assert.Null(card.Replies.Single().ReplaceMessageId);
    }

    [Fact]
    public async Task A_double_tapped_confirm_redeems_once()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var confirm = await member.Press($"rw:c:{reward}:1");
        var yes = PayloadStarting(confirm, "rw:y:");

        var taps = await Task.WhenAll(member.Press(yes), member.Press(yes));
        var late = await member.Press(yes);

        Assert.Contains(taps, t => Text(t).Contains("принята", StringComparison.Ordinal));
        Assert.Equal("Эта кнопка уже неактуальна.", late.ButtonNotice);
        Assert.Equal(4000, await _scenario.Balance("D-1"));
        Assert.Equal(1, (await _scenario.Admin.GetJson("/api/v1/members/D-1/redemptions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_forged_or_stale_confirm_button_changes_nothing()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var first = await member.Press($"rw:c:{reward}:1");
        await member.Press($"rw:c:{reward}:1");

        var stale = await member.Press(PayloadStarting(first, "rw:y:"));
        var forged = await member.Press("rw:y:00000000");

        Assert.Equal("Эта кнопка уже неактуальна.", stale.ButtonNotice);
        Assert.Equal("Эта кнопка уже неактуальна.", forged.ButtonNotice);
        Assert.Equal(5000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task Cancel_on_the_confirmation_spends_nothing_and_retires_its_buttons()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var confirm = await member.Press($"rw:c:{reward}:1");

        var cancelled = await member.Press(PayloadStarting(confirm, "rw:n:"));
        var lateYes = await member.Press(PayloadStarting(confirm, "rw:y:"));

        Assert.Contains("баллы не списаны", Text(cancelled));
        Assert.Equal("Эта кнопка уже неактуальна.", lateYes.ButtonNotice);
        Assert.Equal(5000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task Typing_during_the_confirmation_points_to_the_buttons()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        await member.Press($"rw:c:{reward}:1");
        Assert.Contains("нажмите «Подтвердить» или «Отмена»", Text(await member.Say("да")));
    }

    [Fact]
    public async Task A_refused_confirmation_explains_why_in_the_members_words()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 1000);
        var other = await _scenario.LinkedChat("D-2", "1002", points: 1000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);
        var mine = await member.Press($"rw:c:{reward}:1");
        var theirs = await other.Press($"rw:c:{reward}:1");
        await other.Press(PayloadStarting(theirs, "rw:y:"));

        var refused = await member.Press(PayloadStarting(mine, "rw:y:"));

        Assert.Contains("эта награда закончилась", Text(refused));
        Assert.Equal(1000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task A_member_cancels_a_pending_redemption_in_chat_and_gets_points_and_stock_back()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1250, stock: 3);
        var id = await _scenario.Redeemed("D-1", reward);

        var mine = await member.Say("/myrewards");
        Assert.Contains("⏳ на рассмотрении", Text(mine));
        var ask = await member.Press(PayloadStarting(mine, "myr:x:"));
        Assert.Contains("Отменить заявку на «Кружка»?", Text(ask));
        var cancelled = await member.Press($"myr:xy:{id}");
        var again = await member.Press($"myr:xy:{id}");

        Assert.Contains("Возврат: 1 250 баллов. Баланс: 5 000 баллов.", Text(cancelled));
        Assert.Contains("Баланс: 5 000 баллов", Text(again));
        Assert.Equal(5000, await _scenario.Balance("D-1"));
        Assert.Equal(3, await _scenario.Stock(reward));
        Assert.Single(await _scenario.Ledger("D-1"), e => e.GetProperty("kind").GetString() == "refund");
        Assert.Equal("cancelled", (await _scenario.Redemption(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_member_can_neither_see_nor_cancel_another_members_redemption()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var intruder = await _scenario.LinkedChat("D-2", "1002", points: 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward(name: "Чужая кружка"));

        var list = await intruder.Say("/myrewards");
        var ask = await intruder.Press($"myr:x:{id}");
        var cancel = await intruder.Press($"myr:xy:{id}");

        Assert.DoesNotContain("Чужая кружка", Text(list));
        Assert.Contains("Заявка не найдена", Text(ask));
        Assert.Contains("Заявка не найдена", Text(cancel));
        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
        Assert.Equal(5000, await _scenario.Balance("D-2"));
    }

    [Fact]
    public async Task A_member_who_is_not_a_manager_cannot_use_pending_or_its_buttons()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());

        Assert.Contains("только менеджерам", Text(await member.Say("/pending")));
        Assert.Contains("только менеджерам", Text(await member.Press($"pnd:a:{id}")));
        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_manager_rejects_in_chat_with_a_reason_and_the_member_is_refunded_and_told_why()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var manager = await _scenario.LinkedChat("M-1", "2002", manager: true);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward(costPoints: 1250));
        await _scenario.DeliveredTo("1001", "принята");

        var prompt = await manager.Press($"pnd:r:{id}");
        Assert.Contains("причину", Text(prompt));
        var rejected = await manager.Say("Нет на складе\nдо осени");

        Assert.Contains("отклонена", Text(rejected));
        var told = await _scenario.DeliveredTo("1001", "отклонена");
        Assert.Contains("Причина: Нет на складе до осени", told);
        Assert.Equal(5000, await _scenario.Balance("D-1"));
        Assert.Contains("Новых заявок нет", Text(await manager.Say("/pending")));
    }

    [Fact]
    public async Task A_manager_approves_without_a_code_and_a_second_manager_finds_it_already_handled()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var first = await _scenario.LinkedChat("M-1", "2002", manager: true);
        var second = await _scenario.LinkedChat("M-2", "2003", manager: true);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());

        var prompt = await first.Press($"pnd:a:{id}");
        var late = await second.Press($"pnd:r:{id}");
        var approved = await first.Press(PayloadStarting(prompt, "pnd:ok:"));
        var afterwards = await second.Say("Передумали");

        Assert.Contains("причину", Text(late));
        Assert.Contains("одобрена", Text(approved));
        Assert.Contains("уже обработана: ✅ выполнена", Text(afterwards));
        Assert.Equal("fulfilled", (await _scenario.Redemption(id)).GetProperty("status").GetString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task An_english_speaking_member_reads_the_catalog_in_english_with_english_plurals()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 250, language: "en");
        await _scenario.Reward(costPoints: 1500, name: "Кружка");

        var text = Text(await member.Say("/rewards"));

        Assert.Contains("🔒 Кружка (en) — 1,500 points (1,250 points short)", text);
    }

    [Fact]
    public async Task The_main_menu_has_the_rewards_button_and_help_lists_the_commands()
    {
        var member = await _scenario.LinkedChat("D-1", "1001");
        var manager = await _scenario.LinkedChat("M-1", "2002", manager: true);

        var menu = await member.Say("/menu");
        Assert.Contains(ChatDriver.AllButtons(menu), b => b.Label == "🎁 Награды" && b.Payload == "rw:p:1");
        var help = Text(await member.Say("/help"));
        Assert.Contains("/rewards — каталог наград", help);
        Assert.Contains("/myrewards — мои заявки на награды", help);
        Assert.DoesNotContain("/pending", help);
        Assert.Contains("/pending", Text(await manager.Say("/help")));
    }
}
