using System.Net.Http.Json;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Storage;
using System.Text.Json.Nodes;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestScoringTests
{
    [Fact]
    public async Task A_sale_counts_in_the_leaderboard_as_soon_as_it_is_recorded()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody());

        await s.Sale("D-1", 40);

        var board = await s.Leaderboard(id);
        var row = Assert.Single(board.GetProperty("items").EnumerateArray());
        Assert.Equal(1, row.GetProperty("place").GetInt32());
        Assert.Equal("D-1", row.GetProperty("externalId").GetString());
        Assert.Equal("Дилер D-1", row.GetProperty("name").GetString());
        Assert.Equal(40m, row.GetProperty("score").GetDecimal());
        Assert.Equal(s.Now, row.GetProperty("reachedAt").GetDateTimeOffset());
        await s.Sale("D-1", 2);
        Assert.Equal(42m, (await s.Leaderboard(id)).GetProperty("items")[0].GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task A_points_contest_counts_the_points_a_sale_earned_and_a_units_contest_its_units()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var points = await s.CreateContest(s.ContestBody(metric: "salesPoints"));
        var units = await s.CreateContest(s.ContestBody(metric: "unitsSold"));

        // The default brackets: 1 point per unit up to 1000 units a year, 1.5 from the 1001st.
        await s.Sale("D-1", 1004);

        Assert.Equal(1006m, (await s.Leaderboard(points)).GetProperty("items")[0].GetProperty("score").GetDecimal());
        Assert.Equal(1004m, (await s.Leaderboard(units)).GetProperty("items")[0].GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Quiz_points_count_in_a_quiz_points_contest_once_and_sales_do_not()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(metric: "quizPoints"));
        var quiz = await CreateQuiz(s, pointsPerCorrect: 25);
        var member = s.Member("D-1");
        var attempts = s.Service<QuizAttempts>();

        await s.Sale("D-1", 100);
        var question = Assert.IsType<QuizStep.Question>(await attempts.BeginAsync(member.Id, quiz.Id, "test", CancellationToken.None));
        var correct = quiz.Questions[0].Options.Single(o => o.IsCorrect).Id;
        await attempts.AnswerAsync(member.Id, question.Attempt.Id, 0, correct, "test", CancellationToken.None);
        await attempts.AnswerAsync(member.Id, question.Attempt.Id, 0, correct, "test", CancellationToken.None);

        var row = Assert.Single((await s.Leaderboard(id)).GetProperty("items").EnumerateArray());
        Assert.Equal(25m, row.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Other_features_add_to_a_contest_once_per_source_through_ContestScores_Add()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(metric: "qualifiedReferrals"));
        var member = s.Member("D-1");
        var scores = s.Service<ContestScores>();
        var writer = s.Service<IStoreWriter>();

        var first = await writer.WriteAsync(store => scores.Add(store, member.Id, ContestMetric.QualifiedReferrals, 1, s.Now, "referral:R-1"));
        var replay = await writer.WriteAsync(store => scores.Add(store, member.Id, ContestMetric.QualifiedReferrals, 1, s.Now, "referral:R-1"));
        var second = await writer.WriteAsync(store => scores.Add(store, member.Id, ContestMetric.QualifiedReferrals, 1, s.Now, "referral:R-2"));
        var otherMetric = await writer.WriteAsync(store => scores.Add(store, member.Id, ContestMetric.QuizPoints, 10, s.Now, "quiz:Q:1"));

        Assert.Equal((1, 0, 1, 0), (first, replay, second, otherMetric));
        Assert.Equal(2m, (await s.Leaderboard(id)).GetProperty("items")[0].GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Equal_scores_are_ranked_by_who_reached_the_score_first()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        await s.Dealer("D-3", "1003");
        var id = await s.CreateContest(s.ContestBody(startsAt: s.Now.AddHours(-3)));

        await s.Sale("D-2", 50, occurredAt: s.Now.AddHours(-2));
        await s.Sale("D-1", 30, occurredAt: s.Now.AddHours(-1));
        await s.Sale("D-1", 20, occurredAt: s.Now.AddMinutes(-30));
        await s.Sale("D-3", 50, occurredAt: s.Now.AddMinutes(-30));

        var items = (await s.Leaderboard(id)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["D-2", "D-1", "D-3"], items.Select(i => i.GetProperty("externalId").GetString()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("place").GetInt32()));
        Assert.Equal(s.Now.AddMinutes(-30), items[1].GetProperty("reachedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Sales_outside_the_contest_period_or_audience_do_not_count()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001", region: "Москва");
        await s.Dealer("D-2", "1002", region: "Казань");
        var id = await s.CreateContest(s.ContestBody(startsAt: s.Now.AddHours(-1), endsAt: s.Now.AddHours(2), regions: ["москва"]));

        await s.Sale("D-1", 10, occurredAt: s.Now.AddHours(-2));
        await s.Sale("D-2", 10);
        await s.Sale("D-1", 7);

        var row = Assert.Single((await s.Leaderboard(id)).GetProperty("items").EnumerateArray());
        Assert.Equal(("D-1", 7m), (row.GetProperty("externalId").GetString(), row.GetProperty("score").GetDecimal()));
    }

    [Fact]
    public async Task Nothing_changes_the_standings_once_they_are_frozen()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddHours(1)));
        await s.Sale("D-1", 10);
        var late = s.Now.AddMinutes(30);
        await (await s.Scheduler()).Standby();
        s.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(FinishOutcome.Finished, await s.Service<ContestFinishing>().FreezeAsync(id, CancellationToken.None));
        await s.Sale("D-1", 5, occurredAt: late);

        Assert.Equal(10m, (await s.Leaderboard(id)).GetProperty("items")[0].GetProperty("score").GetDecimal());
    }

    private static async Task<Quiz> CreateQuiz(ContestScenario s, decimal pointsPerCorrect)
    {
        var body = new JsonObject
        {
            ["title"] = new JsonObject { ["ru"] = "Знаток" },
            ["questions"] = new JsonArray(new JsonObject
            {
                ["text"] = new JsonObject { ["ru"] = "Вопрос" },
                ["options"] = new JsonArray(
                    new JsonObject { ["text"] = new JsonObject { ["ru"] = "Да" }, ["correct"] = true },
                    new JsonObject { ["text"] = new JsonObject { ["ru"] = "Нет" }, ["correct"] = false }),
            }),
            ["scoring"] = new JsonObject { ["pointsPerCorrect"] = pointsPerCorrect },
            ["opensAt"] = s.Now.AddMinutes(-1).ToString("O"),
            ["closesAt"] = s.Now.AddDays(1).ToString("O"),
        };
        var response = await (await s.Manager()).PostAsJsonAsync("/api/v1/quizzes", body);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        return s.Service<QuizQueries>().Get(id)!;
    }
}
