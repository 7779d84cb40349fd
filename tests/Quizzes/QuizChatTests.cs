using System.Text;
using System.Text.RegularExpressions;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Quizzes;

public sealed class QuizChatTests : IDisposable
{
    private readonly QuizScenario _s = new();

    public void Dispose() => _s.Dispose();

    private static string Text(Bot.Conversations.ConversationTurn turn) => ChatDriver.AllText(turn).Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public async Task A_dealer_takes_a_quiz_from_the_list_to_the_result_and_earns_the_points_and_the_bonus()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 3, pointsPerCorrect: 10, passThresholdPercent: 60, completionBonus: 50));

        var list = await chat.Say("/quiz");
        Assert.Contains("Знаток продукции — 3 вопроса · можно заработать 80 баллов · закроется через 7 дней", Text(list));
        var intro = await chat.Press(QuizScenario.Button(list, "▶ Знаток продукции"));
        Assert.Contains("Проверьте себя.", Text(intro));
        Assert.Contains("Зачёт — от 60 % правильных ответов, за зачёт бонус 50 баллов.", Text(intro));

        var q1 = await chat.Press(QuizScenario.Button(intro, "Начать ▶"));
        Assert.Contains("Вопрос 1 из 3", Text(q1));
        Assert.Equal(3, ChatDriver.AllButtons(q1).Count);
        var a1 = await chat.Press(QuizScenario.Button(q1, "Верно 1"), sourceMessageId: "q1");
        Assert.Contains("✅ Верно!", Text(a1));
        Assert.Contains("💡 Пояснение 1", Text(a1));
        Assert.Equal("q1", a1.Replies[0].ReplaceMessageId);

        var q2 = await chat.Press(QuizScenario.Button(a1, "Следующий вопрос ▶"));
        Assert.Contains("Вопрос 2 из 3", Text(q2));
        var a2 = await chat.Press(QuizScenario.Button(q2, "Неверно 2"));
        Assert.Contains("❌ Неверно. Правильный ответ: Верно 2", Text(a2));

        var q3 = await chat.Press(QuizScenario.Button(a2, "Следующий вопрос ▶"));
        var end = await chat.Press(QuizScenario.Button(q3, "Верно 3"));
        var result = Text(end);
        Assert.Contains("Викторина «Знаток продукции» завершена", result);
        Assert.Contains("Правильных ответов: 2 из 3 (66,7 %)", result);
        Assert.Contains("Зачёт получен ✅ (нужно от 60 %)", result);
        Assert.Contains("Начислено: 70 баллов", result);
        Assert.Contains("Баланс: 70 баллов", result);
        Assert.Equal(70m, await _s.Balance("D-1"));
        Assert.Contains("нет открытых викторин", Text(await chat.Say("/quiz")));
    }

    [Fact]
    public async Task Answer_buttons_carry_only_opaque_ids_and_fit_in_64_bytes()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody());

        var q1 = await QuizScenario.Begin(chat, id);

        var payloads = ChatDriver.AllButtons(q1).Select(b => b.Payload!).ToArray();
        Assert.Equal(3, payloads.Length);
        Assert.All(payloads, p => Assert.Matches(new Regex("^qz:a:[0-9a-f]{32}:0:[a-z2-9]{3}$"), p));
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 64));
        Assert.Single(payloads.Select(p => p[..^4]).Distinct());
    }

    [Fact]
    public async Task A_double_tap_or_an_old_question_button_changes_no_answer()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 2));
        var q1 = await QuizScenario.Begin(chat, id);
        var right = QuizScenario.Button(q1, "Верно 1");
        var wrong = QuizScenario.Button(q1, "Неверно 1");

        var first = await chat.Press(right);
        var again = await chat.Press(right);
        var changedMind = await chat.Press(wrong);

        Assert.Empty(again.Replies);
        Assert.Equal("На этот вопрос вы уже ответили.", again.ButtonNotice);
        Assert.Equal("На этот вопрос вы уже ответили.", changedMind.ButtonNotice);
        var q2 = await chat.Press(QuizScenario.Button(first, "Следующий вопрос ▶"));
        Assert.Equal("На этот вопрос вы уже ответили.", (await chat.Press(wrong)).ButtonNotice);
        var end = await chat.Press(QuizScenario.Button(q2, "Неверно 2"));
        Assert.Contains("Правильных ответов: 1 из 2", Text(end));
        Assert.Equal("На этот вопрос вы уже ответили.", (await chat.Press(right)).ButtonNotice);
        Assert.Single(await _s.QuizRewards("D-1"));
        Assert.Equal(10m, await _s.Balance("D-1"));
    }

    [Fact]
    public async Task A_button_of_someone_elses_attempt_or_of_a_question_not_shown_yet_does_nothing()
    {
        var owner = await _s.Dealer("D-1", "1001");
        var other = await _s.Dealer("D-2", "1002");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 2));
        var q1 = await QuizScenario.Begin(owner, id);
        var right = QuizScenario.Button(q1, "Верно 1");

        var forged = await other.Press(right);
        var ahead = await owner.Press(right.Replace(":0:", ":1:"));

        Assert.Equal("Эта кнопка уже неактуальна.", forged.ButtonNotice);
        Assert.Equal("Эта кнопка уже неактуальна.", ahead.ButtonNotice);
        Assert.Contains("✅ Верно!", Text(await owner.Press(right)));
    }

    [Fact]
    public async Task An_interrupted_attempt_resumes_at_the_next_unanswered_question_after_a_restart()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 3));
        var q1 = await QuizScenario.Begin(chat, id);
        var oldButton = QuizScenario.Button(q1, "Верно 1");
        var a1 = await chat.Press(oldButton);
        await chat.Press(QuizScenario.Button(a1, "Следующий вопрос ▶"));

        _s.Restart();
        chat = _s.Chat("1001");

        var list = await chat.Say("/quiz");
        Assert.Contains("начата, отвечено 1 из 3", Text(list));
        var resumed = await chat.Press(QuizScenario.Button(list, "⏩ Продолжить: Знаток продукции"));
        Assert.Contains("Вопрос 2 из 3", Text(resumed));
        Assert.Equal("На этот вопрос вы уже ответили.", (await chat.Press(oldButton)).ButtonNotice);
        Assert.Contains("✅ Верно!", Text(await chat.Press(QuizScenario.Button(resumed, "Верно 2"))));
    }

    [Fact]
    public async Task An_answer_after_the_time_limit_scores_zero_and_the_next_question_gets_its_own_time()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 2, timeLimitSeconds: 30));
        var q1 = await QuizScenario.Begin(chat, id);
        Assert.Contains("⏱ 30 секунд на ответ", Text(q1));

        _s.Clock.Advance(TimeSpan.FromSeconds(31));
        var late = await chat.Press(QuizScenario.Button(q1, "Верно 1"));
        Assert.Contains("⌛ Время вышло — ответ не засчитан.", Text(late));

        _s.Clock.Advance(TimeSpan.FromMinutes(5)); // reading the explanation does not eat into the next question's time
        var q2 = await chat.Press(QuizScenario.Button(late, "Следующий вопрос ▶"));
        _s.Clock.Advance(TimeSpan.FromSeconds(29));
        var end = await chat.Press(QuizScenario.Button(q2, "Верно 2"));
        Assert.Contains("✅ Верно!", Text(end));
        Assert.Contains("Правильных ответов: 1 из 2", Text(end));
        Assert.Equal(10m, await _s.Balance("D-1"));
    }

    [Fact]
    public async Task Showing_a_question_again_does_not_restart_its_clock()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 2, timeLimitSeconds: 30));
        await QuizScenario.Begin(chat, id);
        _s.Clock.Advance(TimeSpan.FromSeconds(20));

        var again = await chat.Press($"qz:b:{id}");
        Assert.Contains("Вопрос 1 из 2", Text(again));
        _s.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Contains("⌛ Время вышло", Text(await chat.Press(QuizScenario.Button(again, "Верно 1"))));
    }

    [Fact]
    public async Task A_quiz_that_closes_mid_attempt_ends_the_attempt_with_the_answers_given()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 3, closesAt: _s.Clock.GetUtcNow().AddMinutes(10)));
        var q1 = await QuizScenario.Begin(chat, id);
        var a1 = await chat.Press(QuizScenario.Button(q1, "Верно 1"));
        var q2 = await chat.Press(QuizScenario.Button(a1, "Следующий вопрос ▶"));

        _s.Clock.Advance(TimeSpan.FromMinutes(11));
        var end = await chat.Press(QuizScenario.Button(q2, "Верно 2"));

        var text = Text(end);
        Assert.Contains("Викторина закрылась — засчитаны ответы, данные до закрытия.", text);
        Assert.Contains("Правильных ответов: 1 из 3", text);
        Assert.Contains("Начислено: 10 баллов", text);
        Assert.Equal(10m, await _s.Balance("D-1"));
        Assert.Contains("нет открытых викторин", Text(await chat.Say("/quiz")));
    }

    [Fact]
    public async Task Points_are_paid_exactly_once_even_when_the_last_answer_is_pressed_twice_at_once()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 1, pointsPerCorrect: 25));
        var q1 = await QuizScenario.Begin(chat, id);
        var right = QuizScenario.Button(q1, "Верно 1");

        await Task.WhenAll(chat.Press(right), chat.Press(right), chat.Press(right));
        var again = await chat.Press($"qz:b:{id}");

        Assert.Contains("Правильных ответов: 1 из 1", Text(again));
        var reward = Assert.Single(await _s.QuizRewards("D-1"));
        Assert.Equal(25m, reward.GetProperty("amount").GetDecimal());
        Assert.Equal($"quiz:{id}", reward.GetProperty("sourceRef").GetString());
        Assert.Equal(25m, await _s.Balance("D-1"));
    }

    [Fact]
    public async Task Only_members_of_the_audience_tier_and_region_see_and_can_start_the_quiz()
    {
        var silverMoscow = await _s.Dealer("D-1", "1001", region: "Москва");
        var bronzeMoscow = await _s.Dealer("D-2", "1002", region: "Москва");
        var silverKazan = await _s.Dealer("D-3", "1003", region: "Казань");
        await _s.Admin.PostSale("S-1", "D-1", 1200, _s.Clock.GetUtcNow());
        await _s.Admin.PostSale("S-2", "D-3", 1200, _s.Clock.GetUtcNow());
        var id = await _s.CreateQuiz(_s.QuizBody(tiers: ["silver"], regions: ["москва"]));

        Assert.Contains("Знаток продукции", Text(await silverMoscow.Say("/quiz")));
        Assert.Contains("нет открытых викторин", Text(await bronzeMoscow.Say("/quiz")));
        Assert.Contains("нет открытых викторин", Text(await silverKazan.Say("/quiz")));
        Assert.Contains("проводится для другой группы участников", Text(await bronzeMoscow.Press($"qz:s:{id}")));
        Assert.Contains("проводится для другой группы участников", Text(await silverKazan.Press($"qz:b:{id}")));
        Assert.Contains("Вопрос 1 из 3", Text(await QuizScenario.Begin(silverMoscow, id)));
        var stats = await (await _s.Manager()).GetJson($"/api/v1/quizzes/{id}/stats");
        Assert.Equal(1, stats.GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task With_explanations_at_the_end_questions_follow_directly_and_a_review_comes_last()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 2, showExplanations: "atEnd"));
        var q1 = await QuizScenario.Begin(chat, id);

        var next = await chat.Press(QuizScenario.Button(q1, "Верно 1"));
        Assert.Equal(2, next.Replies.Count);
        Assert.Contains("Ответ принят.", next.Replies[0].Text.ToPlainText());
        Assert.DoesNotContain("Верно!", Text(next));
        Assert.DoesNotContain("Пояснение", Text(next));
        Assert.Contains("Вопрос 2 из 2", next.Replies[1].Text.ToPlainText());

        var end = await chat.Press(QuizScenario.Button(next, "Мимо 2"));
        var text = Text(end);
        Assert.Contains("Разбор ответов", text);
        Assert.Contains("1. ✅ Вопрос 1", text);
        Assert.Contains("2. ❌ Вопрос 2", text);
        Assert.Contains("Правильный ответ: Верно 2", text);
        Assert.Contains("💡 Пояснение 2", text);
        Assert.Contains("Правильных ответов: 1 из 2", end.Replies[^1].Text.ToPlainText());
    }

    [Fact]
    public async Task A_quiz_that_has_not_opened_is_not_listed_and_cannot_be_started()
    {
        var chat = await _s.Dealer("D-1", "1001");
        var id = await _s.CreateQuiz(_s.QuizBody(opensAt: _s.Clock.GetUtcNow().AddHours(2)));

        Assert.Contains("нет открытых викторин", Text(await chat.Say("/quiz")));
        Assert.Contains("откроется через 2 часа", Text(await chat.Press($"qz:b:{id}")));
    }

    [Fact]
    public async Task A_member_reads_the_quiz_in_their_language_with_russian_where_it_is_not_translated()
    {
        var chat = await _s.Dealer("D-1", "1001", language: "en");
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 1));

        var q1 = await QuizScenario.Begin(chat, id);

        var text = Text(q1);
        Assert.Contains("Product expert", text);
        Assert.Contains("Question 1 of 1", text);
        Assert.Contains("Question 1", text);
        Assert.Contains(ChatDriver.AllButtons(q1), b => b.Label == "Верно 1");
    }

    [Fact]
    public async Task The_main_menu_has_a_quizzes_item()
    {
        var chat = await _s.Dealer("D-1", "1001");

        var menu = await chat.Say("/menu");

        Assert.Equal("qz:l", QuizScenario.Button(menu, "🎓 Викторины"));
    }
}
