using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestApiTests
{
    [Fact]
    public async Task A_created_contest_is_listed_and_shown_with_its_times_in_its_time_zone()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody(startsAt: s.Now.AddDays(1), endsAt: s.Now.AddDays(8), reminders: ["0 0 10 ? * MON"], daysBeforeEnd: [1]);
        body["startsAt"] = "2026-06-16T00:00";
        body["timeZone"] = "Asia/Yekaterinburg";

        var response = await (await s.Manager()).PostAsJsonAsync("/api/v1/contests", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Json()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/contests/{id}", response.Headers.Location!.OriginalString);
        var contest = await s.Contest(id);
        Assert.Equal("2026-06-16T00:00:00+05:00", contest.GetProperty("startsAt").GetString());
        Assert.Equal("scheduled", contest.GetProperty("status").GetString());
        Assert.Equal("salesPoints", contest.GetProperty("metric").GetString());
        Assert.Equal(5, contest.GetProperty("prizes").GetArrayLength());
        Assert.Equal("0 0 10 ? * MON", contest.GetProperty("announcements").GetProperty("reminders")[0].GetString());
        var list = await (await s.Manager()).GetJson("/api/v1/contests");
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_contest_without_a_time_zone_runs_in_europe_moscow()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody(startsAt: s.Now.AddDays(1), endsAt: s.Now.AddDays(8));
        body.Remove("timeZone");
        body["startsAt"] = "2026-06-16T00:00";

        var id = await s.CreateContest(body);

        var contest = await s.Contest(id);
        Assert.Equal("Europe/Moscow", contest.GetProperty("timeZone").GetString());
        Assert.Equal("2026-06-16T00:00:00+03:00", contest.GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task The_leaderboard_gives_places_names_scores_and_with_a_member_their_row_and_gap()
    {
        await using var s = new ContestScenario();
        for (var i = 1; i <= 7; i++)
        {
            await s.Admin.CreateMember($"D-{i}", $"Дилер {i}");
        }

        var id = await s.CreateContest(s.ContestBody(atStart: false));
        int[] points = [1000, 900, 800, 700, 600, 550, 480];
        for (var i = 1; i <= 7; i++)
        {
            await s.Sale($"D-{i}", points[i - 1]);
        }

        var board = await s.Leaderboard(id, top: 3, member: "D-7");

        Assert.Equal(7, board.GetProperty("participants").GetInt32());
        Assert.Equal("running", board.GetProperty("status").GetString());
        var items = board.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal([(1, "D-1", "Дилер 1", 1000m), (2, "D-2", "Дилер 2", 900m), (3, "D-3", "Дилер 3", 800m)],
            items.Select(i => (i.GetProperty("place").GetInt32(), i.GetProperty("externalId").GetString(), i.GetProperty("name").GetString(), i.GetProperty("score").GetDecimal())));
        Assert.Equal(7, board.GetProperty("member").GetProperty("place").GetInt32());
        Assert.Equal(5, board.GetProperty("gap").GetProperty("place").GetInt32());
        Assert.Equal(120m, board.GetProperty("gap").GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("member=NOBODY", "member")]
    public async Task The_leaderboard_rejects_bad_queries_naming_the_parameter(string query, string field)
    {
        await using var s = new ContestScenario();
        var id = await s.CreateContest(s.ContestBody());

        var response = await (await s.Manager()).GetAsync($"/api/v1/contests/{id}/leaderboard?{query}");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_contests_are_not_found()
    {
        await using var s = new ContestScenario();
        var manager = await s.Manager();

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/contests/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/contests/nope/leaderboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/v1/contests/nope/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Contests_are_for_managers_only()
    {
        await using var s = new ContestScenario();
        var integration = s.Api.ClientWithKey(await s.Api.KeyFor("integration"));

        var response = await integration.PostAsJsonAsync("/api/v1/contests", s.ContestBody());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task After_the_start_what_a_contest_counts_can_no_longer_change_but_its_end_can()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody();
        var id = await s.CreateContest(body);
        var manager = await s.Manager();

        body["metric"] = "unitsSold";
        var locked = await manager.PutAsJsonAsync($"/api/v1/contests/{id}", body);
        body["metric"] = "salesPoints";
        body["endsAt"] = s.Now.AddDays(9).ToString("O");
        var moved = await manager.PutAsJsonAsync($"/api/v1/contests/{id}", body);

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var problem = await locked.Json();
        Assert.Equal(("contest_locked", "metric"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(s.Now.AddDays(9), (await moved.Json()).GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_finished_or_cancelled_contest_cannot_be_edited()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody();
        var id = await s.CreateContest(body);
        var manager = await s.Manager();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/contests/{id}/cancel", null)).StatusCode);

        var response = await manager.PutAsJsonAsync($"/api/v1/contests/{id}", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("contest_cancelled", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/contests/{id}/cancel", null)).StatusCode);
    }

    public static TheoryData<string, Action<JsonObject>, string> InvalidContests => new()
    {
        { "no Russian title", b => b["title"] = new JsonObject { ["en"] = "Sprint" }, "title.ru" },
        { "no description", b => b.Remove("description"), "description" },
        { "no metric", b => b.Remove("metric"), "metric" },
        { "unknown metric", b => b["metric"] = "happiness", "metric" },
        { "end before start", b => b["endsAt"] = "2026-06-14T00:00:00Z", "endsAt" },
        { "end already past", b => (b["startsAt"], b["endsAt"]) = ("2026-06-01T00:00", "2026-06-02T00:00"), "endsAt" },
        { "unreadable start", b => b["startsAt"] = "next Monday", "startsAt" },
        { "unknown time zone", b => b["timeZone"] = "Mars/Olympus", "timeZone" },
        { "invalid cron", b => b["announcements"]!["reminders"] = new JsonArray("every monday"), "announcements.reminders[0]" },
        { "cron every minute", b => b["announcements"]!["reminders"] = new JsonArray("0 * * ? * *"), "announcements.reminders[0]" },
        { "zero days before the end", b => b["announcements"]!["daysBeforeEnd"] = new JsonArray(0), "announcements.daysBeforeEnd[0]" },
        { "a gap in the places", b => b["prizes"] = Prizes((1, 100m), (3, 50m)), "prizes[1].place" },
        { "a place twice", b => b["prizes"] = Prizes((1, 100m), (1, 50m)), "prizes[1].place" },
        { "a prize worth nothing", b => b["prizes"] = Prizes((1, 0m)), "prizes[0]" },
        { "negative points", b => b["prizes"] = Prizes((1, -5m)), "prizes[0].points" },
        { "unknown tier", b => b["audience"] = new JsonObject { ["tiers"] = new JsonArray("Diamond") }, "audience.tiers[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidContests))]
    public async Task An_invalid_contest_is_rejected_naming_the_field(string because, Action<JsonObject> spoil, string field)
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody();
        spoil(body);

        var response = await (await s.Manager()).PostAsJsonAsync("/api/v1/contests", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_prize_may_be_a_catalog_reward_kept_for_the_rewards_feature()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        var mug = await s.Reward("Кружка");
        var body = s.ContestBody();
        body["prizes"] = new JsonArray(new JsonObject { ["place"] = 1, ["rewardId"] = tv }, new JsonObject { ["place"] = 2, ["points"] = 100, ["rewardId"] = mug });

        var id = await s.CreateContest(body);

        var prizes = (await s.Contest(id)).GetProperty("prizes");
        Assert.Equal((tv, 0m), (prizes[0].GetProperty("rewardId").GetString(), prizes[0].GetProperty("points").GetDecimal()));
        Assert.Equal((mug, 100m), (prizes[1].GetProperty("rewardId").GetString(), prizes[1].GetProperty("points").GetDecimal()));
    }

    [Fact]
    public async Task A_prize_naming_no_reward_of_the_catalog_is_a_400_reward_not_found_naming_the_field()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody();
        body["prizes"] = new JsonArray(new JsonObject { ["place"] = 1, ["rewardId"] = "nope" });

        var response = await (await s.Manager()).PostAsJsonAsync("/api/v1/contests", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("prizes[0].rewardId", "reward_not_found"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.Equal(0, (await (await s.Manager()).GetJson("/api/v1/contests")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Updating_a_contest_with_a_prize_naming_no_reward_is_a_400_and_changes_nothing()
    {
        await using var s = new ContestScenario();
        var id = await s.CreateContest(s.ContestBody());
        var body = s.ContestBody();
        body["prizes"] = new JsonArray(new JsonObject { ["place"] = 1, ["points"] = 100 }, new JsonObject { ["place"] = 2, ["rewardId"] = "nope" });

        var response = await (await s.Manager()).PutAsJsonAsync($"/api/v1/contests/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("prizes[1].rewardId", "reward_not_found"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.Equal(5, (await s.Contest(id)).GetProperty("prizes").GetArrayLength());
    }

    private static JsonArray Prizes(params (int Place, decimal Points)[] prizes) =>
        new(prizes.Select(p => (JsonNode)new JsonObject { ["place"] = p.Place, ["points"] = p.Points }).ToArray());
}
