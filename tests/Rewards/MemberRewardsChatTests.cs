using System.Net.Http.Headers;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;
using static LoyaltyBot.Tests.Rewards.RewardsScenario;

namespace LoyaltyBot.Tests.Rewards;

public sealed class MemberRewardsChatTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

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

    [Fact]
    public async Task A_price_changed_after_the_confirmation_screen_is_not_charged()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var confirm = await member.Press($"rw:c:{reward}:1");
        await _scenario.Admin.PutAsJsonAsync($"/api/v1/rewards/{reward}", RewardsScenario.RewardBody(costPoints: 1200));

        var refused = await member.Press(PayloadStarting(confirm, "rw:y:"));

        Assert.Contains("Стоимость награды изменилась: теперь 1 200 баллов", Text(refused));
        Assert.Equal(5000, await _scenario.Balance("D-1"));
    }
}
