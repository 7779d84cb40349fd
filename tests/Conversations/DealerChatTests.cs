using System.Net.Http.Json;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Conversations;

public sealed class DealerChatTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public DealerChatTests()
    {
        _api = new ApiFactory(_folder.File("loyalty.db"), _clock, services: s => s.AddChatHandler<DialogProbeHandler>());
        _client = _api.Admin();
    }

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    private async Task<string> EnrolAsync(string externalId, string name = "ООО Ромашка", string? language = null)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/members", new { externalId, name, language });
        return (await response.Json()).GetProperty("joinCode").GetString()!;
    }

    private ChatDriver Chat(string user = "1001", bool isPrivate = true, string? hint = "ru") => new(_api.Services, user, isPrivate: isPrivate, languageHint: hint);

    [Fact]
    public async Task An_unlinked_user_is_told_politely_how_to_join()
    {
        _ = _api.Services;
        var turn = await Chat().Say("/balance");
        Assert.Contains("код приглашения", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task An_unlinked_user_gets_the_explanation_in_the_language_of_their_client()
    {
        _ = _api.Services;
        var turn = await Chat(hint: "uk-UA").Say("привіт");
        Assert.Contains("код запрошення", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task Start_with_a_join_payload_links_the_chat_and_greets_the_member_by_name()
    {
        var code = await EnrolAsync("D-1");
        var turn = await Chat().Say($"/start join_{code}");
        Assert.Contains("Здравствуйте, ООО Ромашка!", ChatDriver.AllText(turn));
        Assert.Contains(ChatDriver.AllButtons(turn), b => b.Payload == "bal");
    }

    [Fact]
    public async Task Typing_the_code_alone_in_any_case_links_the_chat()
    {
        var code = await EnrolAsync("D-1");
        var turn = await Chat().Say(code.ToLowerInvariant()[..5] + " " + code.ToLowerInvariant()[5..]);
        Assert.Contains("ООО Ромашка", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task A_join_code_works_only_once()
    {
        var code = await EnrolAsync("D-1");
        await Chat("1").Say($"/start {code}");
        var second = await Chat("2").Say($"/start {code}");
        Assert.Contains("не подходит", ChatDriver.AllText(second));
    }

    [Fact]
    public async Task An_expired_join_code_is_refused()
    {
        var code = await EnrolAsync("D-1");
        _clock.Advance(TimeSpan.FromDays(15));
        var turn = await Chat().Say(code);
        Assert.Contains("не подходит", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task After_five_wrong_codes_in_an_hour_even_the_right_code_must_wait()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        for (var i = 0; i < 5; i++)
        {
            await chat.Say("AAAAAAAAAA");
        }

        var blocked = await chat.Say(code);
        Assert.Contains("Слишком много", ChatDriver.AllText(blocked));
        _clock.Advance(TimeSpan.FromMinutes(61));
        var later = await chat.Say(code);
        Assert.Contains("ООО Ромашка", ChatDriver.AllText(later));
    }

    [Fact]
    public async Task Balance_shows_points_tier_units_and_a_progress_bar_to_the_next_tier()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        await chat.Say(code);
        await _client.PostSale("S-1", "D-1", 2700, _clock.GetUtcNow());

        var text = ChatDriver.AllText(await chat.Say("/balance")).Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Assert.Contains("Баланс: 3 550 баллов", text);
        Assert.Contains("Уровень: Silver", text);
        Assert.Contains("Продано в этом году: 2 700 ед.", text);
        Assert.Contains("▓▓▓▓░░░░░░ 42 % — до уровня Gold осталось 2 301 ед.", text);
    }

    [Fact]
    public async Task Personal_data_is_never_posted_in_a_group_chat()
    {
        var code = await EnrolAsync("D-1");
        await Chat().Say(code);
        var turn = await Chat(isPrivate: false).Say("/balance@loyalty_test_bot");
        var text = ChatDriver.AllText(turn);
        Assert.Contains("личном чате", text);
        Assert.DoesNotContain("Баланс", text);
    }

    [Fact]
    public async Task A_blocked_member_gets_a_polite_refusal()
    {
        var code = await EnrolAsync("D-1");
        await Chat().Say(code);
        await _client.PostAsync("/api/v1/members/D-1/block", null);
        var turn = await Chat().Say("/balance");
        Assert.Contains("приостановлено", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task History_shows_ten_entries_a_page_and_older_pages_by_button_edited_in_place()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        await chat.Say(code);
        for (var i = 1; i <= 25; i++)
        {
            await _client.PostSale($"S-{i}", "D-1", i, _clock.GetUtcNow());
        }

        _clock.Advance(TimeSpan.FromDays(3));
        var first = await chat.Say("/history");
        Assert.Contains("стр. 1 из 3", ChatDriver.AllText(first));
        Assert.Contains("3 дня назад", ChatDriver.AllText(first));
        Assert.Contains("+25 баллов", ChatDriver.AllText(first));
        Assert.Equal(["hist:2"], ChatDriver.AllButtons(first).Select(b => b.Payload));

        var second = await chat.Press("hist:2", sourceMessageId: "77");
        Assert.Contains("стр. 2 из 3", ChatDriver.AllText(second));
        Assert.Equal("77", second.Replies[0].ReplaceMessageId);
        Assert.Equal(["hist:1", "hist:3"], ChatDriver.AllButtons(second).Select(b => b.Payload));
    }

    [Fact]
    public async Task A_forged_history_page_is_clamped_and_an_unknown_button_is_answered_as_stale()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        await chat.Say(code);
        await _client.PostSale("S-1", "D-1", 1, _clock.GetUtcNow());
        Assert.Contains("стр. 1 из 1", ChatDriver.AllText(await chat.Press("hist:99999999999")));
        var stale = await chat.Press("zzz:1");
        Assert.Equal("Эта кнопка уже неактуальна.", stale.ButtonNotice);
    }

    [Fact]
    public async Task Switching_the_language_answers_in_the_new_language_from_then_on()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        await chat.Say(code);
        var choose = await chat.Say("/language");
        Assert.Equal(["lang:ru", "lang:uk", "lang:en"], ChatDriver.AllButtons(choose).Select(b => b.Payload));

        var changed = await chat.Press("lang:uk");
        Assert.Contains("українською", ChatDriver.AllText(changed));
        Assert.Contains("Рівень", ChatDriver.AllText(await chat.Say("/balance")));
        Assert.Equal("uk", (await _client.GetJson("/api/v1/members/D-1")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_dialog_survives_a_restart_of_the_host()
    {
        var code = await EnrolAsync("D-1");
        await Chat().Say(code);
        await Chat().Say("/probe");
        _api.Dispose();

        using var restarted = new ApiFactory(_api.DatabasePath, _clock, services: s => s.AddChatHandler<DialogProbeHandler>());
        var turn = await new ChatDriver(restarted.Services, "1001").Say("hello");
        Assert.Equal("echo: hello", ChatDriver.AllText(turn));
    }

    [Fact]
    public async Task A_dialog_left_for_more_than_thirty_minutes_expires_with_a_friendly_message()
    {
        var code = await EnrolAsync("D-1");
        var chat = Chat();
        await chat.Say(code);
        await chat.Say("/probe");
        _clock.Advance(TimeSpan.FromMinutes(31));

        var turn = await chat.Say("hello");
        Assert.Contains("сбросил незавершённый диалог", ChatDriver.AllText(turn));
        Assert.Contains("Я понимаю команды", ChatDriver.AllText(await chat.Say("hello again")));
    }

    [Fact]
    public async Task Join_code_endpoint_issues_a_new_working_code()
    {
        await EnrolAsync("D-1");
        var response = await _client.PostAsync("/api/v1/members/D-1/join-code", null);
        var code = (await response.Json()).GetProperty("joinCode").GetString()!;
        Assert.Contains("ООО Ромашка", ChatDriver.AllText(await Chat().Say($"/start join_{code}")));
    }

    [Theory]
    [InlineData("ru", "привет", "Я понимаю команды и кнопки меню. Список команд: /help")]
    [InlineData("ru", "🙂🙂🙂", "Я понимаю команды и кнопки меню. Список команд: /help")]
    [InlineData("uk", "привіт", "Я розумію команди та кнопки меню. Список команд: /help")]
    [InlineData("en", "hello", "I understand commands and the menu buttons. See /help for the list.")]
    [InlineData("en", "helloagain", "I understand commands and the menu buttons. See /help for the list.")]
    public async Task Plain_text_from_a_linked_member_points_to_the_commands_in_their_language(string language, string text, string expected)
    {
        var code = await EnrolAsync("D-1", language: language);
        await Chat().Say(code);

        var reply = ChatDriver.AllText(await Chat().Say(text));

        Assert.Equal(expected, reply);
    }

    [Fact]
    public async Task An_unknown_command_from_a_linked_member_is_still_called_an_unknown_command()
    {
        await Chat().Say(await EnrolAsync("D-1"));

        var reply = ChatDriver.AllText(await Chat().Say("/unknowncommand"));

        Assert.Contains("Не знаю такой команды", reply);
    }

    [Fact]
    public async Task A_join_code_typed_in_a_linked_chat_says_nothing_about_the_code()
    {
        await Chat().Say(await EnrolAsync("D-1"));
        var live = await EnrolAsync("D-2", "ООО Лютик");

        var liveAnswer = ChatDriver.AllText(await Chat().Say(live));
        var deadAnswer = ChatDriver.AllText(await Chat().Say("K7P3M9X2QD"));

        Assert.Contains("Я понимаю команды", liveAnswer);
        Assert.Equal(deadAnswer, liveAnswer);
        Assert.Contains("Ваш чат подключён", ChatDriver.AllText(await new ChatDriver(_api.Services, "2002").Say($"/start join_{live}")));
    }

    [Fact]
    public async Task A_join_code_sent_in_a_group_is_refused_and_stays_unused()
    {
        var code = await EnrolAsync("D-1");
        var inGroup = new IncomingMessage { Channel = "test", ChannelUserId = "3003", ChatId = "-100500", IsPrivate = false, Text = $"/start join_{code}" };

        var refused = ChatDriver.AllText(await Chat().Send(inGroup));
        var bare = ChatDriver.AllText(await Chat().Send(inGroup with { Text = code }));

        Assert.Contains("в личном чате, а не в группе", refused);
        Assert.Equal(refused, bare);
        Assert.Contains("Ваш чат подключён", ChatDriver.AllText(await new ChatDriver(_api.Services, "3003").Say($"/start join_{code}")));
    }

    [Fact]
    public async Task Help_lists_the_commands_in_the_members_language()
    {
        var code = await EnrolAsync("D-1", language: "en");
        await Chat().Say(code);
        Assert.Contains("/balance — balance, tier and progress", ChatDriver.AllText(await Chat().Say("/help")));
    }

    [Fact]
    public void Every_registered_command_name_is_unique_and_lower_case()
    {
        var engine = _api.Services.GetRequiredService<ConversationEngine>();
        Assert.All(engine.Commands, c => Assert.Equal(c.ToLowerInvariant(), c));
        Assert.Contains("balance", engine.Commands);
        _ = Texts.For("ru");
    }
}
