using LoyaltyBot.Tests.Support;
using static LoyaltyBot.Tests.Rewards.RewardsScenario;

namespace LoyaltyBot.Tests.Rewards;

public sealed class ManagerRewardsChatTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

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
    public async Task A_too_long_voucher_is_asked_for_again_and_a_sentence_goes_to_the_member_as_a_message()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var manager = await _scenario.LinkedChat("M-1", "2002", manager: true);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());
        await manager.Press($"pnd:a:{id}");

        var tooLong = await manager.Say(new string('X', 201));
        Assert.Contains("Слишком длинный текст: не больше 200 символов", Text(tooLong));
        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());

        await manager.Say("Заберите в офисе на Ленина, 1");
        var redemption = await _scenario.Redemption(id);
        Assert.Equal("fulfilled", redemption.GetProperty("status").GetString());
        Assert.Equal("Заберите в офисе на Ленина, 1", redemption.GetProperty("message").GetString());
        Assert.False(redemption.TryGetProperty("voucher", out _));
        Assert.Contains("Сообщение менеджера: Заберите в офисе на Ленина, 1", await _scenario.DeliveredTo("1001", "выполнена"));
    }

    [Fact]
    public async Task Pending_lists_the_queue_oldest_first_and_aborting_a_decision_keeps_it_pending()
    {
        await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var manager = await _scenario.LinkedChat("M-1", "2002", manager: true);
        var first = await _scenario.Redeemed("D-1", await _scenario.Reward(name: "Первая"));
        var second = await _scenario.Redeemed("D-1", await _scenario.Reward(name: "Вторая"));

        var queue = await manager.Say("/pending");
        Assert.Contains("Заявки на рассмотрении: 2", Text(queue));
        Assert.Equal([$"pnd:a:{first}", $"pnd:r:{first}", $"pnd:a:{second}", $"pnd:r:{second}"], Payloads(queue));

        var prompt = await manager.Press($"pnd:r:{second}");
        var aborted = await manager.Press(PayloadStarting(prompt, "pnd:q:"));
        Assert.Contains("остаётся на рассмотрении", Text(aborted));
        Assert.Equal("pending", (await _scenario.Redemption(second)).GetProperty("status").GetString());
        Assert.Contains("Я понимаю команды и кнопки меню", Text(await manager.Say("передумал")));
    }
}
