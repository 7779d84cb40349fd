using System.Net;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestChatTests
{
    [Fact]
    public async Task Top_shows_the_top_ten_and_then_the_members_own_row_and_place()
    {
        await using var s = new ContestScenario();
        for (var i = 1; i <= 11; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await s.Admin.CreateMember($"D-{i}", $"Дилер D-{i}")).StatusCode);
        }

        var me = await s.Dealer("D-12", "1012");
        var id = await s.CreateContest(s.ContestBody(atStart: false));
        for (var i = 1; i <= 12; i++)
        {
            await s.Sale($"D-{i}", 200 - i);
        }

        var text = ChatDriver.AllText(await me.Say("/top")).Replace('\u00A0', ' ');

        Assert.Contains("🏆 Летний спринт", text);
        Assert.Contains("Считаем: баллы за продажи · 12 участников · осталась 1 неделя", text);
        Assert.Contains("1. Дилер D-1 — 199 баллов", text);
        Assert.Contains("10. Дилер D-10 — 190 баллов", text);
        Assert.DoesNotContain("11. Дилер D-11", text);
        Assert.Contains("…\n12. Дилер D-12 — 188 баллов (вы)", text);
        Assert.Contains("Вы на 12-м месте, отставание от 5-го места — 7 баллов", text);
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task The_main_menu_has_a_contests_button_that_opens_the_standings()
    {
        await using var s = new ContestScenario();
        var chat = await s.Dealer("D-1", "1001");
        await s.CreateContest(s.ContestBody(atStart: false));
        await s.Sale("D-1", 10);

        var menu = await chat.Say("/menu");
        var button = Assert.Single(ChatDriver.AllButtons(menu), b => b.Label == "🏆 Конкурсы");
        var text = ChatDriver.AllText(await chat.Press(button.Payload!));

        Assert.Contains("1. Дилер D-1 — 10 баллов (вы)", text);
        Assert.Contains("Вы на 1-м месте — так держать!", text);
        Assert.Contains("/top — конкурсы и ваше место в них", ChatDriver.AllText(await chat.Say("/help")));
    }

    [Fact]
    public async Task Top_says_so_when_the_member_is_in_no_running_contest()
    {
        await using var s = new ContestScenario();
        var chat = await s.Dealer("D-1", "1001", region: "Казань");
        await s.CreateContest(s.ContestBody(regions: ["Москва"], atStart: false));
        await s.CreateContest(s.ContestBody(startsAt: s.Now.AddDays(1), atStart: false));

        var text = ChatDriver.AllText(await chat.Say("/top"));

        Assert.Contains("Сейчас нет конкурсов, в которых вы участвуете", text);
    }

    [Fact]
    public async Task A_member_without_a_score_is_told_the_score_of_the_target_place()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var chat = await s.Dealer("D-2", "1002");
        await s.CreateContest(s.ContestBody(metric: "unitsSold", atStart: false));
        await s.Sale("D-1", 3);

        var text = ChatDriver.AllText(await chat.Say("/top"));

        Assert.Contains("1. Дилер D-1 — 3 единицы", text);
        Assert.Contains("У вас пока нет результата, у 1-го места — 3 единицы", text);
    }

    [Theory]
    [InlineData(null, "Вы на 2-м месте, отставание от 1-го места — 20 баллов")]
    [InlineData("uk", "Ви на 2-му місці, відставання від 1-го місця — 20 балів")]
    [InlineData("en", "You are in 2nd place, 20 points behind 1st place")]
    public async Task Second_place_is_told_the_gap_not_that_the_gap_would_take_first_place(string? language, string expected)
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var chat = await s.Dealer("D-2", "1002", language: language);
        await s.CreateContest(s.ContestBody(atStart: false));
        await s.Sale("D-1", 22);
        await s.Sale("D-2", 2);

        var text = ChatDriver.AllText(await chat.Say("/top")).Replace('\u00A0', ' ');

        Assert.Contains(expected, text);
        Assert.DoesNotContain("до 1-го", text);
    }
}
