using LoyaltyBot.Bot.Quizzes;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Quizzes;

public sealed class QuizAnnouncementTests
{
    [Fact]
    public async Task When_a_quiz_opens_its_audience_is_told_once_through_the_outbox_with_a_start_button()
    {
        using var s = new QuizScenario();
        var moscow = await s.Dealer("D-1", "1001", region: "Москва");
        await s.Dealer("D-2", "1002", region: "Казань");
        var id = await s.CreateQuiz(s.QuizBody(opensAt: s.Clock.GetUtcNow().AddHours(1), regions: ["Москва"]));
        var announcer = s.Service<QuizAnnouncer>();

        Assert.Equal(0, await announcer.AnnounceDueAsync(CancellationToken.None));
        s.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await announcer.AnnounceDueAsync(CancellationToken.None));
        Assert.Equal(0, await announcer.AnnounceDueAsync(CancellationToken.None));

        await s.Channel.WaitUntil(() => !s.Channel.Delivered.IsEmpty);
        var (chatId, message, _) = Assert.Single(s.Channel.Delivered);
        Assert.Equal("1001", chatId);
        Assert.Contains("Новая викторина: Знаток продукции", message.Text.ToPlainText());
        var start = Assert.Single(message.Buttons.SelectMany(row => row));
        Assert.Equal($"qz:s:{id}", start.Payload);
        var topic = $"quiz:{id}";
        Assert.Single(s.Service<IDocumentStore>().Set<OutboxMessage>().Find(m => m.Topic == topic));
        Assert.Contains("Проверьте себя.", ChatDriver.AllText(await moscow.Press(start.Payload!)));
        var quiz = await (await s.Manager()).GetJson($"/api/v1/quizzes/{id}");
        Assert.Equal(s.Clock.GetUtcNow(), quiz.GetProperty("announcedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_quiz_clock_announces_by_itself_once_the_opening_time_has_passed()
    {
        using var s = new QuizScenario(pollSeconds: 30);
        await s.Dealer("D-1", "1001");
        await s.CreateQuiz(s.QuizBody(opensAt: s.Clock.GetUtcNow().AddMinutes(1)));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (s.Channel.Delivered.IsEmpty && DateTime.UtcNow < deadline)
        {
            s.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
        }

        Assert.Contains("Новая викторина", Assert.Single(s.Channel.Delivered).Message.Text.ToPlainText());
    }

    [Fact]
    public async Task An_attempt_left_open_is_ended_and_paid_when_the_quiz_closes_and_the_member_is_told()
    {
        using var s = new QuizScenario();
        var chat = await s.Dealer("D-1", "1001");
        var id = await s.CreateQuiz(s.QuizBody(questions: 3, closesAt: s.Clock.GetUtcNow().AddHours(1)));
        var q1 = await QuizScenario.Begin(chat, id);
        var a1 = await chat.Press(QuizScenario.Button(q1, "Верно 1"));
        var q2 = await chat.Press(QuizScenario.Button(a1, "Следующий вопрос ▶"));
        var announcer = s.Service<QuizAnnouncer>();

        s.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await announcer.SettleClosedAsync(CancellationToken.None));
        Assert.Equal(0, await announcer.SettleClosedAsync(CancellationToken.None));

        Assert.Equal(10m, await s.Balance("D-1"));
        await s.Channel.WaitUntil(() => !s.Channel.Delivered.IsEmpty);
        var told = Assert.Single(s.Channel.Delivered).Message.Text.ToPlainText();
        Assert.Contains("Викторина закрылась", told);
        Assert.Contains("Начислено: 10 баллов", told.Replace('\u00A0', ' '));
        var late = await chat.Press(QuizScenario.Button(q2, "Верно 2"));
        Assert.Contains("Правильных ответов: 1 из 3", ChatDriver.AllText(late));
        Assert.Single(await s.QuizRewards("D-1"));
    }
}
