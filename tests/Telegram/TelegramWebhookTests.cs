using System.Net;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramWebhookTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(TelegramTestHost.Secret + "x")]
    public async Task A_webhook_call_without_the_right_secret_is_refused_with_401_and_nothing_is_processed(string? secret)
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("message_start_private_ru.json"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("invalid_webhook_secret", problem.GetProperty("code").GetString());
        Assert.Equal("X-Telegram-Bot-Api-Secret-Token", problem.GetProperty("field").GetString());
        Assert.Empty(engine.Received);
        Assert.Empty(host.ReplyCalls());
    }

    [Fact]
    public async Task Without_a_configured_secret_the_webhook_refuses_every_call()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine, settings: new Dictionary<string, string?> { ["Telegram:WebhookSecret"] = null });

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("message_start_private_ru.json"), secret: "anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(engine.Received);
        Assert.Empty(host.ReplyCalls());
    }

    [Fact]
    public async Task A_redelivered_update_is_processed_once()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);
        var update = TelegramFixtures.Load("message_text_private_cyrillic_ru.json");

        var first = await host.PostUpdateAsync(update);
        var second = await host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(engine.Received);
        Assert.Single(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task A_private_text_is_normalised_for_the_engine_and_the_reply_goes_back_to_the_chat()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        await host.PostUpdateAsync(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));

        var incoming = Assert.Single(engine.Received);
        Assert.Equal("telegram", incoming.Channel);
        Assert.Equal("284705193", incoming.ChannelUserId);
        Assert.Equal("284705193", incoming.ChatId);
        Assert.True(incoming.IsPrivate);
        Assert.Equal("привет!", incoming.Text);
        Assert.Equal("ru", incoming.LanguageHint);
        Assert.Equal("Alexey Smirnov", incoming.DisplayName);
        var reply = Assert.Single(host.Telegram.CallsTo("sendMessage"));
        Assert.Equal("284705193", reply.Parameter("chat_id"));
    }

    [Fact]
    public async Task Hostile_names_and_texts_reach_Telegram_escaped_in_HTML_parse_mode()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        await host.PostUpdateAsync(TelegramFixtures.PrivateText(
            "<b>hi</b> & \"bye\"", updateId: 900001, firstName: "<script>alert(\"x\")</script>", lastName: "& Co"));

        Assert.Equal("<script>alert(\"x\")</script> & Co", Assert.Single(engine.Received).DisplayName);
        var reply = Assert.Single(host.Telegram.CallsTo("sendMessage"));
        Assert.Equal("Html", reply.Parameter("parse_mode"));
        var text = reply.Parameter("text")!;
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("<b>hi", text);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co", text);
        Assert.Contains("&lt;b&gt;hi&lt;/b&gt; &amp; &quot;bye&quot;", text);
    }

    [Fact]
    public async Task A_button_press_is_answered_with_the_notice_and_carries_payload_and_source_message()
    {
        var engine = new ScriptedEngine(_ => new ConversationTurn { ButtonNotice = "Готово" });
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        await host.PostUpdateAsync(TelegramFixtures.Load("callback_query_inline_keyboard_private.json"));

        var incoming = Assert.Single(engine.Received);
        Assert.Equal("/get/bills", incoming.ButtonPayload);
        Assert.Equal("110", incoming.SourceMessageId);
        Assert.Equal("457130286", incoming.ChatId);
        var answer = Assert.Single(host.Telegram.CallsTo("answerCallbackQuery"));
        Assert.Equal("1857679853414790783", answer.Parameter("callback_query_id"));
        Assert.Equal("Готово", answer.Parameter("text"));
    }

    [Fact]
    public async Task A_button_press_is_answered_even_when_handling_it_fails()
    {
        var engine = new ScriptedEngine(_ => throw new InvalidOperationException("boom"));
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("callback_query_inline_keyboard_private.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(host.Telegram.CallsTo("answerCallbackQuery"));
        Assert.Null(answer.Parameter("text"));
    }

    [Fact]
    public async Task A_failing_update_is_still_acknowledged_with_200()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: new ScriptedEngine(_ => throw new InvalidOperationException("boom")));

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("message_start_private_ru.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_private_photo_reaches_the_engine_as_an_attachment_that_is_not_downloaded_unless_asked_for()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("message_photo_private_ru.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(engine.Received);
        Assert.Equal("photo.jpg", received.Attachment?.FileName);
        Assert.Null(received.Text);
        Assert.Empty(host.Telegram.CallsTo("getFile"));
    }

    [Theory]
    [InlineData("edited_message_group.json")]
    public async Task Updates_the_bot_does_not_handle_are_acknowledged_and_ignored(string fixture)
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load(fixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(engine.Received);
        Assert.Empty(host.ReplyCalls());
    }

    [Fact]
    public async Task In_a_group_a_command_for_another_bot_is_ignored_and_one_for_us_loses_its_suffix()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);
        string GroupCommand(string text, long updateId) => TelegramFixtures.Edit("message_supergroup_command_at_bot.json", u =>
        {
            u["update_id"] = updateId;
            u["message"]!["text"] = text;
        });

        await host.PostUpdateAsync(GroupCommand("/random@rgen_bot 20 30", 1));
        await host.PostUpdateAsync(GroupCommand("hello everyone", 2));
        await host.PostUpdateAsync(GroupCommand("/balance@Loyalty_Test_Bot", 3));

        var incoming = Assert.Single(engine.Received);
        Assert.Equal("/balance", incoming.Text);
        Assert.False(incoming.IsPrivate);
        Assert.Equal("-1001283156137", incoming.ChatId);
        Assert.Null(incoming.LanguageHint);
        Assert.Equal("-1001283156137", Assert.Single(host.Telegram.CallsTo("sendMessage")).Parameter("chat_id"));
    }

    [Fact]
    public async Task A_deep_link_start_reaches_the_engine_with_its_payload()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        await host.PostUpdateAsync(TelegramFixtures.Load("message_start_deeplink_private_ru.json"));

        Assert.Equal("/start ref_AbC123xyz", Assert.Single(engine.Received).Text);
    }

    [Fact]
    public async Task A_shared_own_contact_becomes_the_phone_and_a_foreign_one_is_ignored()
    {
        var engine = ScriptedEngine.Replying(ChatMessage.Plain("Спасибо"));
        await using var host = await TelegramTestHost.StartAsync(engine: engine);

        await host.PostUpdateAsync(TelegramFixtures.Load("message_contact_own_phone_private.json"));
        await host.PostUpdateAsync(TelegramFixtures.Edit("message_contact_own_phone_private.json", u =>
        {
            u["update_id"] = 52259559;
            u["message"]!["contact"]!["user_id"] = 111111111;
        }));

        var incoming = Assert.Single(engine.Received);
        Assert.Equal("393451234567", incoming.ContactPhone);
        Assert.Equal("222222222", incoming.ChannelUserId);
        var reply = Assert.Single(host.Telegram.CallsTo("sendMessage"));
        Assert.Contains("remove_keyboard", reply.Parameter("reply_markup"));
    }

    [Fact]
    public async Task A_user_who_blocks_the_bot_is_marked_unreachable()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var identities = host.Services.GetRequiredService<ChatIdentities>();
        await identities.SeenAsync("telegram", "5371846290", "5371846290", true, null, CancellationToken.None);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("my_chat_member_private_kicked.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(identities.Get("telegram:5371846290")!.UnreachableSince);
    }

    [Fact]
    public async Task A_403_marks_the_identity_unreachable_without_breaking_other_replies()
    {
        await using var host = await TelegramTestHost.StartAsync();
        host.Telegram.BlockChat(111000111);

        await host.PostUpdateAsync(TelegramFixtures.PrivateText("привет", updateId: 1, userId: 111000111));
        await host.PostUpdateAsync(TelegramFixtures.PrivateText("привет", updateId: 2, userId: 222000222));

        var identities = host.Services.GetRequiredService<ChatIdentities>();
        Assert.NotNull(identities.Get("telegram:111000111")!.UnreachableSince);
        Assert.Null(identities.Get("telegram:222000222")!.UnreachableSince);
        Assert.Contains(host.Telegram.CallsTo("sendMessage"), c => c.Parameter("chat_id") == "222000222" && c.Succeeded);
    }

    [Fact]
    public async Task An_inline_reply_waits_out_a_short_429_once()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNext("sendMessage", 1, 1);

        await host.PostUpdateAsync(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));

        var calls = host.Telegram.CallsTo("sendMessage");
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task An_inline_reply_is_dropped_when_Telegram_asks_for_a_long_wait()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        host.Telegram.FailNext("sendMessage", 1, 30);

        var response = await host.PostUpdateAsync(TelegramFixtures.Load("message_text_private_cyrillic_ru.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task The_deep_link_uses_the_bot_username_from_getMe()
    {
        await using var host = await TelegramTestHost.StartAsync(engine: ScriptedEngine.Echo());
        await host.Telegram.WaitForCallAsync("getMe");
        var links = host.Services.GetRequiredService<IDeepLinks>();

        string? link = null;
        for (var i = 0; i < 100 && link is null; i++)
        {
            link = links.StartLink("join_AbC-123");
            await Task.Delay(50);
        }

        Assert.Equal("https://t.me/loyalty_test_bot?start=join_AbC-123", link);
        Assert.Null(links.StartLink("join ABC"));
        Assert.Null(links.StartLink(new string('a', 65)));
    }

    [Fact]
    public async Task The_update_body_is_read_with_Telegram_json_conventions()
    {
        var engine = ScriptedEngine.Echo();
        await using var host = await TelegramTestHost.StartAsync(engine: engine);
        // Telegram's own wire form: compact, \u escapes and a line break after the update id.
        var raw = "{\"update_id\":231999261,\n\"message\":{\"message_id\":6,\"from\":{\"id\":284705193,\"is_bot\":false,\"first_name\":\"\\u0410\\u043b\\u0435\\u043a\\u0441\\u0435\\u0439\",\"language_code\":\"uk\"},\"chat\":{\"id\":284705193,\"first_name\":\"\\u0410\\u043b\\u0435\\u043a\\u0441\\u0435\\u0439\",\"type\":\"private\"},\"date\":1716056923,\"text\":\"\\u043f\\u0440\\u0438\\u0432\\u0456\\u0442\"}}";

        await host.PostUpdateAsync(raw);

        var incoming = Assert.Single(engine.Received);
        Assert.Equal("Алексей", incoming.DisplayName);
        Assert.Equal("привіт", incoming.Text);
        Assert.Equal("uk", incoming.LanguageHint);
    }
}
