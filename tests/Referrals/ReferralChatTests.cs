using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>The partner's invitation card and the newcomer's registration, in chat (the "test" channel, no Telegram).</summary>
public sealed class ReferralChatTests : IDisposable
{
    private readonly ReferralScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Without_telegram_the_invitation_card_shows_the_code_to_type_the_bonuses_and_empty_figures()
    {
        var partner = await _s.Member("P-1", "1001");

        var card = await partner.Say("/invite");

        var text = ReferralScenario.Text(card);
        Assert.Matches(@"Ваш код приглашения: [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", text);
        Assert.Contains("/ref ", text);
        Assert.Contains("в течение 90 дней после одобрения, вы получите 500 баллов", text);
        Assert.Contains("приветственный бонус 100 баллов", text);
        Assert.Contains("Приглашено: 0 · зарегистрировались: 0 · одобрены: 0 · сделали первую продажу: 0", text);
        Assert.Null(Assert.Single(card.Replies).Image);
        Assert.DoesNotContain(ChatDriver.AllButtons(card), b => b.Url is not null);
    }

    [Fact]
    public async Task The_referral_code_is_created_once_and_stays_the_same()
    {
        var partner = await _s.Member("P-1", "1001");

        var first = await ReferralScenario.InviteCode(partner);
        var again = await ReferralScenario.InviteCode(partner);
        var fromMenu = ReferralScenario.Text(await partner.Press("inv"));

        Assert.Equal(first, again);
        Assert.Contains($"/ref {first}", fromMenu);
        var other = await ReferralScenario.InviteCode(await _s.Member("P-2", "1002"));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task The_main_menu_has_the_invite_item()
    {
        var partner = await _s.Member("P-1", "1001");

        var menu = await partner.Say("/menu");

        Assert.Equal("inv", ReferralScenario.Button(menu, "🤝 Пригласить"));
    }

    [Fact]
    public async Task A_newcomer_registers_with_the_typed_code_and_the_application_is_pending_for_the_referrer()
    {
        var partner = await _s.Member("P-1", "1001", "Иван Петров");
        var code = await ReferralScenario.InviteCode(partner);
        var newcomer = _s.Chat("2001");

        var welcome = await newcomer.Say($"/ref {code.ToLowerInvariant()[..4]}-{code[4..8]} {code[8..]}");
        Assert.Contains("Иван Петров приглашает вас в программу лояльности", ReferralScenario.Text(welcome));
        var regions = await newcomer.Say("  ООО «Ромашка» ");
        Assert.Contains("Шаг 2 из 3", ReferralScenario.Text(regions));
        var phone = await newcomer.Press(ReferralScenario.Button(regions, "Казань"), sourceMessageId: "regions");
        Assert.Equal("regions", phone.Replies[0].ReplaceMessageId);
        Assert.Contains("Регион: Казань", ReferralScenario.Text(phone));
        Assert.True(Assert.Single(ChatDriver.AllButtons(phone), b => b.RequestContact).RequestContact);
        var confirm = await ReferralScenario.ShareContact(newcomer, "2001", "79161234567");
        var summary = ReferralScenario.Text(confirm);
        Assert.Contains("Компания: ООО «Ромашка»", summary);
        Assert.Contains("Регион: Казань", summary);
        Assert.Contains("Телефон: +79161234567", summary);
        Assert.Contains("Пригласил(а): Иван Петров", summary);
        var done = await newcomer.Press(ReferralScenario.Button(confirm, "✅ Отправить заявку"));

        Assert.Contains("Заявка #1 отправлена", ReferralScenario.Text(done));
        var application = Assert.Single(await _s.Applications("pending"));
        Assert.Equal("ООО «Ромашка»", application.GetProperty("companyName").GetString());
        Assert.Equal("+79161234567", application.GetProperty("phone").GetString());
        Assert.Equal("P-1", application.GetProperty("referrerExternalId").GetString());
        Assert.Equal("test", application.GetProperty("channel").GetString());
        Assert.Contains("«ООО «Ромашка»» (Казань). Заявка #1 ждёт одобрения", await _s.DeliveredTo("1001", "зарегистрировалась"));
        Assert.Contains("Приглашено: 1 · зарегистрировались: 1 · одобрены: 0", ReferralScenario.Text(await partner.Say("/invite")));
    }

    [Fact]
    public async Task A_newcomer_who_types_just_the_referral_code_starts_the_registration()
    {
        var partner = await _s.Member("P-1", "1001", "Иван Петров");
        var code = await ReferralScenario.InviteCode(partner);

        var welcome = await _s.Chat("2001").Say($"{code[..4]}-{code[4..8]}-{code[8..]}");
        var unknown = ReferralScenario.Text(await _s.Chat("2002").Say("ABCD-EFGH-JKMN"));

        Assert.Contains("Иван Петров приглашает вас в программу лояльности", ReferralScenario.Text(welcome));
        Assert.Contains("Шаг 1 из 3", ChatDriver.AllText(welcome));
        Assert.Contains("Это приглашение не действует", unknown);
        Assert.Contains("Чтобы подключиться, отправьте мне код приглашения", unknown);
    }

    [Fact]
    public async Task A_typed_phone_is_validated_and_the_step_repeats_until_it_is_a_phone()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.UpToPhone(newcomer, code);

        Assert.Contains("Не похоже на номер телефона", ReferralScenario.Text(await newcomer.Say("позвоните мне")));
        Assert.Contains("Не похоже на номер телефона", ReferralScenario.Text(await newcomer.Say("12345")));
        Assert.Contains("Не похоже на номер телефона", ReferralScenario.Text(await newcomer.Say("+7 916 123 45 67 89 01 23")));
        var confirm = await newcomer.Say("+380 (67) 123-45-67");

        Assert.Contains("Телефон: +380671234567", ReferralScenario.Text(confirm));
    }

    [Fact]
    public async Task A_region_must_be_one_of_the_list_and_a_blank_company_name_is_asked_again()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await newcomer.Say($"/ref {code}");

        Assert.Contains("Шаг 1 из 3", ReferralScenario.Text(await newcomer.Say("   ")));
        await newcomer.Say("ООО «Ромашка»");
        var wrong = await newcomer.Say("Атлантида");
        Assert.Contains("Пожалуйста, выберите регион кнопкой", ReferralScenario.Text(wrong));
        var typed = await newcomer.Say("санкт-петербург");

        Assert.Contains("Шаг 3 из 3", ReferralScenario.Text(typed));
        var confirm = await newcomer.Say("+79161234567");
        Assert.Contains("Регион: Санкт-Петербург", ReferralScenario.Text(confirm));
    }

    [Fact]
    public async Task Configured_regions_replace_the_default_list()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Referrals:Regions:0"] = "Север", ["Referrals:Regions:1"] = "Юг" });
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        var newcomer = s.Chat("2001");
        await newcomer.Say($"/ref {code}");

        var regions = await newcomer.Say("ООО «Ромашка»");

        Assert.Equal(["Север", "Юг", "Отмена"], ChatDriver.AllButtons(regions).Select(b => b.Label));
    }

    [Fact]
    public async Task Cancelling_ends_the_dialog_and_old_buttons_do_nothing()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await newcomer.Say($"/ref {code}");
        var regions = await newcomer.Say("ООО «Ромашка»");

        var cancelled = await newcomer.Press(ReferralScenario.Button(regions, "Отмена"));
        Assert.Contains("Отменено", ReferralScenario.Text(cancelled));
        var stale = await newcomer.Press(ReferralScenario.Button(regions, "Казань"));

        Assert.Equal("Эта кнопка уже неактуальна.", stale.ButtonNotice);
        Assert.Empty(await _s.Applications());
    }

    [Fact]
    public async Task An_unknown_code_gets_a_friendly_message_and_the_normal_join_explanation()
    {
        var newcomer = _s.Chat("2001");

        var typed = ReferralScenario.Text(await newcomer.Say("/ref ABCD-EFGH-JKMN"));
        var linked = ReferralScenario.Text(await newcomer.Say("/start ref_nonsense"));

        Assert.Contains("Это приглашение не действует", typed);
        Assert.Contains("Чтобы подключиться, отправьте мне код приглашения", typed);
        Assert.Contains("Это приглашение не действует", linked);
        Assert.Contains("Чтобы подключиться", linked);
    }

    [Fact]
    public async Task Ref_without_a_code_explains_how_to_use_it()
    {
        var reply = ReferralScenario.Text(await _s.Chat("2001").Say("/ref"));

        Assert.Contains("/ref КОД", reply);
    }

    [Fact]
    public async Task A_member_following_their_own_link_is_told_it_is_theirs_and_nothing_is_attributed()
    {
        var partner = await _s.Member("P-1", "1001");
        var code = await ReferralScenario.InviteCode(partner);

        var own = ReferralScenario.Text(await partner.Say($"/start ref_{code}"));

        Assert.Contains("Это ваша собственная ссылка-приглашение", own);
        var referrals = await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals");
        Assert.Empty(referrals.GetProperty("invitees").EnumerateArray());
    }

    [Fact]
    public async Task Another_member_following_a_link_is_told_they_are_a_member_already()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var other = await _s.Member("D-2", "1002");

        var reply = await other.Say($"/ref {code}");

        Assert.Contains("Вы уже участник программы лояльности", ReferralScenario.Text(reply));
        Assert.Contains(ChatDriver.AllButtons(reply), b => b.Payload == "inv");
    }

    [Theory]
    [InlineData("/ref ZZZ")]
    [InlineData("/ref ABCD-EFGH-JKMN")]
    [InlineData("/start ref_nonsense")]
    public async Task A_member_sending_an_invalid_code_is_told_they_are_a_member_already_not_how_to_join(string command)
    {
        var member = await _s.Member("D-2", "1002");

        var reply = ReferralScenario.Text(await member.Say(command));

        Assert.Contains("Вы уже участник программы лояльности", reply);
        Assert.DoesNotContain("Это приглашение не действует", reply);
        Assert.DoesNotContain("Чтобы подключиться", reply);
    }

    [Fact]
    public async Task The_referrers_own_phone_cannot_be_used_to_register_with_their_link()
    {
        var root = await _s.Member("P-1", "1001");
        var partner = _s.Chat("2001");
        var partnerId = await _s.RegisterAndApprove(partner, await ReferralScenario.InviteCode(root), phone: "+79160000001");
        var partnersCode = await ReferralScenario.InviteCode(partner);
        var secondChat = _s.Chat("3001");
        await ReferralScenario.UpToPhone(secondChat, partnersCode, "ООО «Ромашка-2»");

        var refused = await secondChat.Say("+7 916 000-00-01");

        Assert.Equal("REF-000001", partnerId);
        Assert.Contains("По собственному приглашению зарегистрироваться нельзя", ReferralScenario.Text(refused));
        Assert.Single(await _s.Applications());
        Assert.Contains("Чтобы подключиться", ReferralScenario.Text(await secondChat.Say("+79160000002")));
    }

    [Theory]
    [InlineData("+79161234567")]
    [InlineData("8 916 123-45-67")]
    public async Task A_phone_with_a_pending_application_cannot_register_again_from_another_chat_however_it_is_written(string phone)
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code, phone: "+79161234567");
        var second = _s.Chat("2002");
        await ReferralScenario.UpToPhone(second, code, "ООО «Лютик»");

        var taken = await second.Say(phone);

        Assert.Contains("С этим номером уже есть заявка", ReferralScenario.Text(taken));
        Assert.Contains("Шаг 3 из 3", ReferralScenario.Text(taken));
        Assert.Single(await _s.Applications());
    }

    [Fact]
    public async Task A_phone_typed_the_russian_way_is_confirmed_and_stored_in_international_form()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.UpToPhone(newcomer, code);

        var confirm = await newcomer.Say("8 916 123-45-67");

        Assert.Contains("Телефон: +79161234567", ReferralScenario.Text(confirm));
        await newcomer.Press(ReferralScenario.Button(confirm, "✅ Отправить заявку"));
        Assert.Equal("+79161234567", Assert.Single(await _s.Applications("pending")).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_referrers_own_phone_typed_the_russian_way_cannot_be_used_with_their_link()
    {
        var root = await _s.Member("P-1", "1001");
        var partner = _s.Chat("2001");
        await _s.RegisterAndApprove(partner, await ReferralScenario.InviteCode(root), phone: "+79160000001");
        var secondChat = _s.Chat("3001");
        await ReferralScenario.UpToPhone(secondChat, await ReferralScenario.InviteCode(partner), "ООО «Ромашка-2»");

        var refused = await secondChat.Say("8 916 000-00-01");

        Assert.Contains("По собственному приглашению зарегистрироваться нельзя", ReferralScenario.Text(refused));
        Assert.Single(await _s.Applications());
    }

    [Fact]
    public async Task The_first_link_wins_and_a_later_link_does_not_change_the_referrer()
    {
        var first = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001", "Первый Партнёр"));
        var second = await ReferralScenario.InviteCode(await _s.Member("P-2", "1002", "Второй Партнёр"));
        var newcomer = _s.Chat("2001");
        await newcomer.Say($"/start ref_{first}");

        var later = await newcomer.Say($"/start ref_{second}");

        var text = ReferralScenario.Text(later);
        Assert.Contains("Первый Партнёр приглашает вас", text);
        Assert.Contains("Вы уже переходили по приглашению от Первый Партнёр", text);
        await ReferralScenario.Register(newcomer, second);
        Assert.Equal("P-1", Assert.Single(await _s.Applications()).GetProperty("referrerExternalId").GetString());
        var secondsInvitees = (await (await _s.Manager()).GetJson("/api/v1/members/P-2/referrals")).GetProperty("invitees");
        Assert.Empty(secondsInvitees.EnumerateArray());
    }

    [Fact]
    public async Task The_code_of_a_blocked_member_stops_working()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var invited = _s.Chat("2001");
        await invited.Say($"/ref {code}");
        await invited.Say("ООО «Ромашка»");
        Assert.Equal(HttpStatusCode.OK, (await (await _s.Manager()).PostAsync("/api/v1/members/P-1/block", null)).StatusCode);

        var fresh = ReferralScenario.Text(await _s.Chat("2002").Say($"/ref {code}"));
        var midway = ReferralScenario.Text(await invited.Say("Казань"));
        var confirm = await invited.Say("+79161234567");

        Assert.Contains("Это приглашение не действует", fresh);
        Assert.Contains("Чтобы подключиться", fresh);
        Assert.Contains("Шаг 3 из 3", midway);
        Assert.Contains("Это приглашение не действует", ReferralScenario.Text(confirm));
        Assert.Empty(await _s.Applications());
    }

    [Fact]
    public async Task A_pending_applicant_following_the_link_again_is_told_to_wait()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.Register(newcomer, code);

        var again = await newcomer.Say($"/start ref_{code}");

        Assert.Contains("Ваша заявка #1 уже на рассмотрении", ReferralScenario.Text(again));
    }

    [Fact]
    public async Task With_auto_approve_the_newcomer_becomes_a_member_at_once_with_the_welcome_bonus()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Referrals:AutoApprove"] = "true" });
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        var newcomer = s.Chat("2001");

        var done = await ReferralScenario.Register(newcomer, code);

        Assert.Contains("Заявка #1 одобрена", ReferralScenario.Text(done));
        Assert.Contains("REF-000001", ReferralScenario.Text(done));
        Assert.Equal(100m, await s.Balance("REF-000001"));
        Assert.Contains("Баланс: 100 баллов", ReferralScenario.Text(await newcomer.Say("/balance")));
        Assert.Equal("system", Assert.Single(await s.Applications("approved")).GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task A_manager_approves_an_application_in_chat_and_the_newcomer_is_linked_and_welcomed()
    {
        var manager = await _s.ManagerChat("M-1", "9001");
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.Register(newcomer, code, company: "ООО «Ромашка»");
        Assert.Contains("Новая заявка #1", await _s.DeliveredTo("9001", "Новая заявка"));

        var queue = await manager.Say("/applications");
        Assert.Contains("Заявки на рассмотрении: 1", ReferralScenario.Text(queue));
        Assert.Contains("Телефон: +79161234567", ReferralScenario.Text(queue));
        var approved = await manager.Press(ReferralScenario.Button(queue, "✅ Одобрить"), sourceMessageId: "card-1");

        Assert.Contains("Одобрена: участник REF-000001 создан", ReferralScenario.Text(approved));
        Assert.Equal("card-1", Assert.Single(approved.Replies).ReplaceMessageId);
        Assert.Empty(ChatDriver.AllButtons(approved));
        var welcome = await _s.DeliveredTo("2001", "Ваша заявка одобрена");
        Assert.Contains("Приветственный бонус: 100 баллов", welcome);
        Assert.Contains("«ООО «Ромашка»», которую вы пригласили, принята", await _s.DeliveredTo("1001", "принята в программу"));
        Assert.Contains("Ваш счёт, ООО «Ромашка»", ReferralScenario.Text(await newcomer.Say("/balance")));
        var member = await _s.Admin.GetJson("/api/v1/members/REF-000001");
        Assert.Equal("Казань", member.GetProperty("region").GetString());
        var twice = await manager.Press(ReferralScenario.Button(queue, "✅ Одобрить"));
        Assert.Contains("Одобрена", ReferralScenario.Text(twice));
        Assert.Single(await _s.ReferralBonuses("REF-000001"));
        Assert.Contains("Новых заявок нет", ReferralScenario.Text(await manager.Say("/applications")));
    }

    [Fact]
    public async Task A_manager_rejects_with_a_reason_and_the_applicant_is_told_it()
    {
        var manager = await _s.ManagerChat("M-1", "9001");
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code);
        var queue = await manager.Say("/applications");

        var ask = await manager.Press(ReferralScenario.Button(queue, "❌ Отклонить"), sourceMessageId: "card-1");
        Assert.Contains("Почему отклоняем заявку #1", ReferralScenario.Text(ask));
        var rejected = await manager.Say("Компания не работает с нашей продукцией");

        Assert.Contains("Отклонена. Причина: Компания не работает с нашей продукцией", ReferralScenario.Text(rejected));
        Assert.Equal("card-1", Assert.Single(rejected.Replies).ReplaceMessageId);
        var told = await _s.DeliveredTo("2001", "отклонена");
        Assert.Contains("Причина: Компания не работает с нашей продукцией", told);
        var application = Assert.Single(await _s.Applications("rejected"));
        Assert.Equal("chat:test:9001", application.GetProperty("decidedBy").GetString());
        var stale = await manager.Press(ReferralScenario.Button(ask, "Без причины"));
        Assert.Equal("Эта кнопка уже неактуальна.", stale.ButtonNotice);
    }

    [Fact]
    public async Task A_rejected_applicant_may_apply_again_with_the_same_referrer()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.Register(newcomer, code);
        var rejected = await (await _s.Manager()).PostAsJsonAsync($"/api/v1/applications/{await _s.PendingId()}/reject", new { reason = (string?)null });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var again = await ReferralScenario.Register(newcomer, code);

        Assert.Contains("Заявка #2 отправлена", ReferralScenario.Text(again));
        var referrals = await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals");
        Assert.Equal(1, referrals.GetProperty("figures").GetProperty("registered").GetInt32());
    }

    [Fact]
    public async Task Reopening_the_queue_drops_an_unfinished_rejection_so_later_text_is_no_reason()
    {
        var manager = await _s.ManagerChat("M-1", "9001");
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code);
        await manager.Press(ReferralScenario.Button(await manager.Say("/applications"), "❌ Отклонить"));

        await manager.Say("/applications");
        await manager.Say("просто текст");

        Assert.Single(await _s.Applications("pending"));
    }

    [Fact]
    public async Task Registration_happens_only_in_a_private_chat()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var group = new ChatDriver(_s.Api.Services, "2001", isPrivate: false);

        var typed = await group.Say($"/ref {code}");
        var linked = await group.Say($"/start ref_{code}");

        Assert.Contains("только в личном чате", ReferralScenario.Text(typed));
        Assert.Contains("только в личном чате", ReferralScenario.Text(linked));
        var referrals = await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals");
        Assert.Empty(referrals.GetProperty("invitees").EnumerateArray());
    }

    [Fact]
    public async Task Applications_are_for_managers_only()
    {
        var dealer = await _s.Member("D-1", "1001");

        var reply = await dealer.Say("/applications");

        Assert.Contains("только менеджерам", ReferralScenario.Text(reply));
    }

    [Fact]
    public async Task Every_button_payload_fits_in_64_bytes()
    {
        var manager = await _s.ManagerChat("M-1", "9001");
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        var turns = new List<Bot.Conversations.ConversationTurn> { await newcomer.Say($"/ref {code}") };
        turns.Add(await newcomer.Say("ООО «Ромашка»"));
        turns.Add(await newcomer.Press(ReferralScenario.Button(turns[^1], "Днепр")));
        turns.Add(await newcomer.Say("+79161234567"));
        turns.Add(await newcomer.Press(ReferralScenario.Button(turns[^1], "✅ Отправить заявку")));
        turns.Add(await manager.Say("/applications"));
        turns.Add(await manager.Press(ReferralScenario.Button(turns[^1], "❌ Отклонить")));

        var payloads = turns.SelectMany(ChatDriver.AllButtons).Select(b => b.Payload).OfType<string>().ToArray();

        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(p), 1, 64));
    }
}
