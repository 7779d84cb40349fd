using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramRenderingTests
{
    private static readonly ChatIdentity Recipient = new()
    {
        Id = "telegram:284705193",
        Channel = "telegram",
        ChannelUserId = "284705193",
        ChatId = "284705193",
    };

    private static Task<DeliveryResult> Send(TelegramTestHost host, ChatMessage message) =>
        host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram").SendAsync(Recipient, message, CancellationToken.None);

    [Fact]
    public async Task A_text_over_4096_characters_is_split_on_lines_with_the_buttons_on_the_last_part()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        var lines = Enumerable.Range(1, 120).Select(i => RichText.Bold($"Строка {i}:") + RichText.Escape(" " + new string('x', 40) + " & <ok>"));
        var text = RichText.Lines(lines);
        Assert.True(text.Html.Length > 4096);

        await Send(host, new ChatMessage { Text = text, Buttons = [[ChatButton.Choice("Меню", "menu")]] });

        var calls = host.Telegram.CallsTo("sendMessage");
        Assert.True(calls.Count >= 2);
        Assert.All(calls, c => Assert.True(c.Parameter("text")!.Length <= 4096));
        Assert.All(calls, c => Assert.Equal(CountOf(c.Parameter("text")!, "<b>"), CountOf(c.Parameter("text")!, "</b>")));
        Assert.Equal(text.Html, string.Join("\n", calls.Select(c => c.Parameter("text"))));
        Assert.All(calls.SkipLast(1), c => Assert.Null(c.Parameter("reply_markup")));
        Assert.Contains("\"callback_data\":\"menu\"", calls[^1].Parameter("reply_markup"));
    }

    [Fact]
    public async Task Choice_buttons_become_callback_data_and_links_become_URL_buttons()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        await Send(host, new ChatMessage
        {
            Text = RichText.Escape("Меню"),
            Buttons = [[ChatButton.Choice("Баланс", "bal"), ChatButton.Choice("История", "hist:1")], [ChatButton.Link("Сайт", "https://example.com/")]],
        });

        var markup = Assert.Single(host.Telegram.CallsTo("sendMessage")).Parameter("reply_markup")!;
        Assert.Contains("\"callback_data\":\"hist:1\"", markup);
        Assert.Contains("\"url\":\"https://example.com/\"", markup);
    }

    [Fact]
    public async Task A_payload_over_64_bytes_is_a_bug_in_the_flow()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        // 33 Cyrillic letters are 66 bytes in UTF-8.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(host, new ChatMessage
        {
            Text = RichText.Escape("x"),
            Buttons = [[ChatButton.Choice("Кнопка", new string('ж', 33))]],
        }));
        Assert.Empty(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task A_contact_button_becomes_a_one_time_reply_keyboard()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        await Send(host, new ChatMessage { Text = RichText.Escape("Поделитесь номером"), Buttons = [[new ChatButton("Отправить номер", RequestContact: true)]] });

        var markup = Assert.Single(host.Telegram.CallsTo("sendMessage")).Parameter("reply_markup")!;
        Assert.Contains("\"request_contact\":true", markup);
        Assert.Contains("\"one_time_keyboard\":true", markup);
        Assert.DoesNotContain("inline_keyboard", markup);
    }

    [Fact]
    public async Task An_image_is_sent_as_a_photo_with_the_text_as_caption()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        var result = await Send(host, new ChatMessage { Text = RichText.Bold("Ваша карта"), Image = new ChatImage(png, "card.png") });

        Assert.IsType<DeliveryResult.Sent>(result);
        var photo = Assert.Single(host.Telegram.CallsTo("sendPhoto"));
        Assert.Equal("<b>Ваша карта</b>", photo.Parameter("caption"));
        Assert.Equal("card.png", photo.FileName);
        Assert.Equal(png, photo.FileBytes);
        Assert.Empty(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task A_caption_over_1024_characters_goes_in_a_message_after_the_photo()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        await Send(host, new ChatMessage { Text = RichText.Escape(new string('a', 1500)), Image = new ChatImage([1, 2, 3]) });

        Assert.Null(Assert.Single(host.Telegram.CallsTo("sendPhoto")).Parameter("caption"));
        Assert.Equal(1500, Assert.Single(host.Telegram.CallsTo("sendMessage")).Parameter("text")!.Length);
    }

    [Fact]
    public async Task A_replacement_edits_the_earlier_message_in_place()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());

        var result = await Send(host, new ChatMessage { Text = RichText.Escape("Баланс: 150"), ReplaceMessageId = "42", Buttons = [[ChatButton.Choice("Обновить", "bal")]] });

        Assert.Equal(new DeliveryResult.Sent("42"), result);
        var edit = Assert.Single(host.Telegram.CallsTo("editMessageText"));
        Assert.Equal("42", edit.Parameter("message_id"));
        Assert.Equal("Html", edit.Parameter("parse_mode"));
        Assert.Contains("\"callback_data\":\"bal\"", edit.Parameter("reply_markup"));
        Assert.Empty(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task When_the_edit_is_refused_the_old_buttons_are_removed_and_a_new_message_is_sent()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNextWith("editMessageText", 1, 400);

        var result = await Send(host, new ChatMessage { Text = RichText.Escape("Баланс: 150"), ReplaceMessageId = "42" });

        Assert.IsType<DeliveryResult.Sent>(result);
        Assert.Equal("42", Assert.Single(host.Telegram.CallsTo("editMessageReplyMarkup")).Parameter("message_id"));
        Assert.Single(host.Telegram.CallsTo("sendMessage"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
