using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Broadcasts;

public sealed class BroadcastChatTests
{
    [Fact]
    public async Task A_manager_composes_previews_and_sends_a_broadcast_and_sees_progress_edited_in_place_and_a_report()
    {
        await using var scenario = new BroadcastScenario();
        var manager = await scenario.Linked("M-1", "900", manager: true);
        for (var i = 0; i < 4; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}", region: i < 2 ? "Казань" : "Омск");
        }

        // Two transient failures (backoff 2 s then 4 s) keep one delivery open long enough for a progress edit.
        scenario.Channel.Script("1", new DeliveryResult.Transient("502"), new DeliveryResult.Transient("502"));
        var ask = await manager.Say("/broadcast");
        Assert.Contains("Новая рассылка", ChatDriver.AllText(ask));
        var broken = await manager.Say("<b>Акция</i>");
        Assert.Contains("Разметка не подходит", ChatDriver.AllText(broken));
        var image = await manager.Say("<b>Акция!</b> Двойные баллы до пятницы");
        var audience = await manager.Press(Payload(image, "bc:s:"));
        Assert.Contains("Регион: Казань", ChatDriver.AllButtons(audience).Select(b => b.Label));
        var kazan = ChatDriver.AllButtons(audience).Single(b => b.Label == "Регион: Казань").Payload!;

        var preview = await manager.Press(kazan);
        Assert.Equal("<b>Акция!</b> Двойные баллы до пятницы", preview.Replies[1].Text.Html);
        Assert.Contains("Получателей: 2", ChatDriver.AllText(preview));
        Assert.Empty(scenario.Outbox);

        var started = await manager.Press(Payload(preview, "bc:y:"));
        Assert.Contains("Рассылка запущена", ChatDriver.AllText(started));
        Assert.NotNull((await manager.Press(Payload(preview, "bc:y:"))).ButtonNotice); // a second tap sends nothing more

        await scenario.Until(() => scenario.Channel.Delivered.Any(d => d.ChatId == "900" && d.Message.Text.ToPlainText().Contains("завершена")));
        var toDealers = scenario.Channel.Delivered.Where(d => d.ChatId != "900").Select(d => d.ChatId).Order().ToArray();
        Assert.Equal(["0", "1"], toDealers);
        var toManager = scenario.Channel.Delivered.Where(d => d.ChatId == "900").Select(d => d.Message).ToArray();
        Assert.StartsWith("📣 Рассылка: отправлено 0 из 2", toManager[0].Text.ToPlainText());
        Assert.Null(toManager[0].ReplaceMessageId);
        Assert.Contains("Доставлено: 2", toManager[^1].Text.ToPlainText());
        var progressId = scenario.Outbox.Single(m => m.DedupKey.EndsWith(":1", StringComparison.Ordinal) && m.DedupKey.StartsWith("broadcast-progress:", StringComparison.Ordinal)).ChannelMessageId;
        var edits = toManager.Skip(1).SkipLast(1).ToArray();
        Assert.NotEmpty(edits);
        Assert.All(edits, m => Assert.Equal(progressId, m.ReplaceMessageId));
        Assert.Contains(edits, m => m.Text.ToPlainText().Contains("отправлено 1 из 2"));
    }

    [Fact]
    public async Task Cancelling_in_chat_sends_nothing_and_dealers_may_not_broadcast()
    {
        await using var scenario = new BroadcastScenario();
        var manager = await scenario.Linked("M-1", "900", manager: true);
        var dealer = await scenario.Linked("D-1", "1");

        Assert.Contains("менеджер", ChatDriver.AllText(await dealer.Say("/broadcast")), StringComparison.OrdinalIgnoreCase);
        await manager.Say("/broadcast");
        var image = await manager.Say("Привет");
        var cancelled = await manager.Press(Payload(image, "bc:q:"));

        Assert.Contains("отменена", ChatDriver.AllText(cancelled));
        Assert.Empty(scenario.Outbox);
        Assert.NotNull((await manager.Press(Payload(image, "bc:s:"))).ButtonNotice);
    }

    [Fact]
    public async Task The_manager_is_told_when_the_chosen_audience_is_empty()
    {
        await using var scenario = new BroadcastScenario();
        var manager = await scenario.Linked("M-1", "900", manager: true);
        await manager.Say("/broadcast");
        var audience = await manager.Press(Payload(await manager.Say("Привет"), "bc:s:"));

        var gold = await manager.Press(ChatDriver.AllButtons(audience).Single(b => b.Label == "Уровень Gold").Payload!);

        Assert.Contains("никого нет", ChatDriver.AllText(gold));
        Assert.DoesNotContain(scenario.Outbox, m => m.Topic is not null && m.Topic.StartsWith("broadcast", StringComparison.Ordinal));
        Assert.Equal(0, (await scenario.Admin.GetJson("/api/v1/broadcasts")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_sent_at_the_image_step_is_checked_for_size_and_becomes_the_preview_image()
    {
        await using var scenario = new BroadcastScenario();
        using var folder = new TempFolder();
        var manager = await scenario.Linked("M-1", "900", manager: true);
        await scenario.Linked("D-1", "1");
        await manager.Say("/broadcast");
        await manager.Say("Привет");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        var large = folder.File("large.png");
        await File.WriteAllBytesAsync(large, [.. png, .. new byte[600 * 1024]]);
        var small = folder.File("small.png");
        await File.WriteAllBytesAsync(small, png);

        var tooLarge = await manager.Send(FileMessage(large));
        var added = await manager.Send(FileMessage(small));
        var preview = await manager.Press(Payload(added, "bc:a:"));

        Assert.Contains("Картинка больше 512 КБ", ChatDriver.AllText(tooLarge));
        Assert.Contains(ChatDriver.AllButtons(tooLarge), b => b.Payload?.StartsWith("bc:s:", StringComparison.Ordinal) == true);
        Assert.Contains("Картинка добавлена", ChatDriver.AllText(added));
        Assert.Equal(png, preview.Replies[1].Image?.Bytes);
        Assert.Equal("Привет", preview.Replies[1].Text.Html);
    }

    private static LoyaltyBot.Bot.Conversations.IncomingMessage FileMessage(string path) => new()
    {
        Channel = "test",
        ChannelUserId = "900",
        ChatId = "900",
        LanguageHint = "ru",
        Attachment = LoyaltyBot.Bot.Terminal.TerminalChat.FileAttachment(path),
    };

    private static string Payload(LoyaltyBot.Bot.Conversations.ConversationTurn turn, string prefix) =>
        ChatDriver.AllButtons(turn).Select(b => b.Payload).First(p => p is not null && p.StartsWith(prefix, StringComparison.Ordinal))!;
}
