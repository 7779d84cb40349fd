using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Quizzes;

public sealed class QuizApiTests : IDisposable
{
    private readonly QuizScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_created_quiz_answers_201_with_its_id_and_reads_back_with_option_ids_and_the_correct_flags()
    {
        var manager = await _s.Manager();
        var response = await manager.PostAsJsonAsync("/api/v1/quizzes", _s.QuizBody(questions: 2, timeLimitSeconds: 30));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Json()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/quizzes/{id}", response.Headers.Location?.ToString());
        var quiz = await manager.GetJson($"/api/v1/quizzes/{id}");
        Assert.Equal("Знаток продукции", quiz.GetProperty("title").GetProperty("ru").GetString());
        Assert.Equal("open", quiz.GetProperty("status").GetString());
        Assert.Equal("afterEach", quiz.GetProperty("showExplanations").GetString());
        Assert.Equal(30, quiz.GetProperty("timeLimitSeconds").GetInt32());
        Assert.False(quiz.GetProperty("locked").GetBoolean());
        var options = quiz.GetProperty("questions")[1].GetProperty("options").EnumerateArray().ToArray();
        Assert.Equal(3, options.Length);
        Assert.Equal("Верно 2", Assert.Single(options, o => o.GetProperty("correct").GetBoolean()).GetProperty("text").GetProperty("ru").GetString());
        Assert.Equal(3, options.Select(o => o.GetProperty("id").GetString()).Distinct().Count());
        var list = await manager.GetJson("/api/v1/quizzes");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(20m, list.GetProperty("items")[0].GetProperty("maxPoints").GetDecimal());
    }

    [Fact]
    public async Task Only_managers_author_quizzes()
    {
        var integration = _s.Api.ClientWithKey(await _s.Api.KeyFor("integration"));

        var response = await integration.PostAsJsonAsync("/api/v1/quizzes", _s.QuizBody());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _s.Api.CreateClient().GetAsync("/api/v1/quizzes")).StatusCode);
    }

    [Theory]
    [InlineData("no russian title", "title.ru", "missing_field")]
    [InlineData("no questions", "questions", "out_of_range")]
    [InlineData("51 questions", "questions", "out_of_range")]
    [InlineData("one option", "questions[1].options", "out_of_range")]
    [InlineData("seven options", "questions[1].options", "out_of_range")]
    [InlineData("two correct options", "questions[2].options", "invalid_value")]
    [InlineData("no correct option", "questions[0].options", "invalid_value")]
    [InlineData("an option without text", "questions[0].options[1].text.ru", "missing_field")]
    [InlineData("a question with a control character", "questions[1].text.ru", "invalid_value")]
    [InlineData("closing before opening", "closesAt", "out_of_range")]
    [InlineData("closing in the past", "closesAt", "out_of_range")]
    [InlineData("a two-second time limit", "timeLimitSeconds", "out_of_range")]
    [InlineData("a pass threshold over 100", "scoring.passThresholdPercent", "out_of_range")]
    [InlineData("no points at all", "scoring", "invalid_value")]
    [InlineData("negative points", "scoring.pointsPerCorrect", "out_of_range")]
    [InlineData("an unknown tier", "audience.tiers[0]", "invalid_value")]
    [InlineData("an unknown explanation setting", "showExplanations", "malformed_json")]
    public async Task An_invalid_quiz_is_refused_with_a_problem_naming_the_field(string mistake, string field, string code)
    {
        var body = _s.QuizBody();
        Spoil(body, mistake);

        var response = await (await _s.Manager()).PostAsJsonAsync("/api/v1/quizzes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(0, (await (await _s.Manager()).GetJson("/api/v1/quizzes")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Editing_is_free_until_the_first_attempt_and_afterwards_only_the_closing_time_may_change()
    {
        var manager = await _s.Manager();
        var id = await _s.CreateQuiz(_s.QuizBody());
        var retitled = _s.QuizBody();
        retitled["title"]!["ru"] = "Новое название";
        var edited = await manager.PutAsJsonAsync($"/api/v1/quizzes/{id}", retitled);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Новое название", (await edited.Json()).GetProperty("title").GetProperty("ru").GetString());

        var chat = await _s.Dealer("D-1", "1001");
        await QuizScenario.Begin(chat, id);

        var again = _s.QuizBody();
        again["title"]!["ru"] = "Ещё одно название";
        var locked = await manager.PutAsJsonAsync($"/api/v1/quizzes/{id}", again);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var problem = await locked.Json();
        Assert.Equal("quiz_locked", problem.GetProperty("code").GetString());
        Assert.Equal("title", problem.GetProperty("field").GetString());

        var questionChanged = _s.QuizBody();
        questionChanged["title"]!["ru"] = "Новое название";
        questionChanged["questions"]![2]!["text"]!["ru"] = "Другой вопрос";
        var lockedQuestion = await manager.PutAsJsonAsync($"/api/v1/quizzes/{id}", questionChanged);
        Assert.Equal("questions[2]", (await lockedQuestion.Json()).GetProperty("field").GetString());

        var later = _s.QuizBody(closesAt: QuizScenario.Start.AddDays(14));
        later["title"]!["ru"] = "Новое название";
        later["opensAt"] = retitled["opensAt"]!.DeepClone();
        var extended = await manager.PutAsJsonAsync($"/api/v1/quizzes/{id}", later);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var quiz = await extended.Json();
        Assert.Equal(QuizScenario.Start.AddDays(14), quiz.GetProperty("closesAt").GetDateTimeOffset());
        Assert.True(quiz.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task A_closed_quiz_cannot_be_edited_and_an_unknown_one_is_not_found()
    {
        var manager = await _s.Manager();
        var id = await _s.CreateQuiz(_s.QuizBody(closesAt: _s.Clock.GetUtcNow().AddHours(1)));
        _s.Clock.Advance(TimeSpan.FromHours(2));

        var closed = await manager.PutAsJsonAsync($"/api/v1/quizzes/{id}", _s.QuizBody());
        var unknown = await manager.PutAsJsonAsync("/api/v1/quizzes/nope", _s.QuizBody());

        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("quiz_closed", (await closed.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/quizzes/nope/stats")).StatusCode);
    }

    [Fact]
    public async Task Stats_give_participants_pass_rate_average_score_and_the_correct_rate_of_each_question()
    {
        var id = await _s.CreateQuiz(_s.QuizBody(questions: 3, pointsPerCorrect: 10, passThresholdPercent: 60));
        await Take("D-1", "1001", id, true, true, true);   // 3 of 3: passed
        await Take("D-2", "1002", id, true, true, false);  // 2 of 3: 66.7 %, passed
        await Take("D-3", "1003", id, false, true, false); // 1 of 3: not passed
        await Take("D-4", "1004", id, true);               // still going: counts as a participant only

        var stats = await (await _s.Manager()).GetJson($"/api/v1/quizzes/{id}/stats");

        Assert.Equal(4, stats.GetProperty("participants").GetInt32());
        Assert.Equal(3, stats.GetProperty("finished").GetInt32());
        Assert.Equal(2, stats.GetProperty("passed").GetInt32());
        Assert.Equal(66.7m, stats.GetProperty("passRate").GetDecimal());
        Assert.Equal(66.7m, stats.GetProperty("averageScore").GetDecimal());
        Assert.Equal(60m, stats.GetProperty("pointsAwarded").GetDecimal());
        var questions = stats.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal([4, 3, 3], questions.Select(q => q.GetProperty("answered").GetInt32()));
        Assert.Equal([3, 3, 1], questions.Select(q => q.GetProperty("correct").GetInt32()));
        Assert.Equal([75m, 100m, 33.3m], questions.Select(q => q.GetProperty("correctRate").GetDecimal()));
    }

    private async Task Take(string externalId, string user, string quizId, params bool[] answers)
    {
        var chat = await _s.Dealer(externalId, user);
        var turn = await QuizScenario.Begin(chat, quizId);
        for (var i = 0; i < answers.Length; i++)
        {
            turn = await chat.Press(QuizScenario.Button(turn, answers[i] ? $"Верно {i + 1}" : $"Неверно {i + 1}"));
            if (i + 1 < answers.Length)
            {
                turn = await chat.Press(QuizScenario.Button(turn, "Следующий вопрос ▶"));
            }
        }
    }

    private void Spoil(JsonObject body, string mistake)
    {
        var questions = body["questions"]!.AsArray();
        var now = _s.Clock.GetUtcNow();
        switch (mistake)
        {
            case "no russian title":
                body["title"] = new JsonObject { ["en"] = "Only English" };
                break;
            case "no questions":
                body["questions"] = new JsonArray();
                break;
            case "51 questions":
                body["questions"] = new JsonArray(Enumerable.Range(0, 51).Select(_ => questions[0]!.DeepClone()).ToArray());
                break;
            case "one option":
                questions[1]!["options"] = new JsonArray(questions[1]!["options"]![1]!.DeepClone());
                break;
            case "seven options":
                var seven = new JsonArray(Enumerable.Range(0, 7).Select(i => (JsonNode)new JsonObject
                {
                    ["text"] = new JsonObject { ["ru"] = $"Вариант {i}" },
                    ["correct"] = i == 0,
                }).ToArray());
                questions[1]!["options"] = seven;
                break;
            case "two correct options":
                foreach (var option in questions[2]!["options"]!.AsArray())
                {
                    option!["correct"] = true;
                }

                break;
            case "no correct option":
                foreach (var option in questions[0]!["options"]!.AsArray())
                {
                    option!["correct"] = false;
                }

                break;
            case "an option without text":
                questions[0]!["options"]![1]!["text"] = new JsonObject { ["ru"] = "  " };
                break;
            case "a question with a control character":
                questions[1]!["text"]!["ru"] = "Вопрос\u0007";
                break;
            case "closing before opening":
                body["closesAt"] = now.AddMinutes(-30).ToString("O");
                break;
            case "closing in the past":
                body["opensAt"] = now.AddDays(-2).ToString("O");
                body["closesAt"] = now.AddDays(-1).ToString("O");
                break;
            case "a two-second time limit":
                body["timeLimitSeconds"] = 2;
                break;
            case "a pass threshold over 100":
                body["scoring"]!["passThresholdPercent"] = 120;
                break;
            case "no points at all":
                body["scoring"] = new JsonObject { ["passThresholdPercent"] = 80 };
                break;
            case "negative points":
                body["scoring"]!["pointsPerCorrect"] = -5;
                break;
            case "an unknown tier":
                body["audience"] = new JsonObject { ["tiers"] = new JsonArray("Diamond") };
                break;
            case "an unknown explanation setting":
                body["showExplanations"] = "sometimes";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null);
        }
    }
}
