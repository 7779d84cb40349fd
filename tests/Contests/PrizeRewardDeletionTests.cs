using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Contests;

/// <summary>
/// A catalog reward that a contest needs — a prize of a contest not yet finished or cancelled, or an award already given —
/// is never deleted (409 <c>reward_in_use</c>), so announcements and awards always name it; it may still be deactivated.
/// </summary>
public sealed class PrizeRewardDeletionTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60)]
    public async Task Deleting_a_reward_that_an_unfinished_contest_offers_as_a_prize_is_a_409_reward_in_use_naming_the_contest(int startsInMinutes)
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        var id = await s.CreateContest(WithRewardPrize(s, tv, startsAt: s.Now.AddMinutes(startsInMinutes)));

        var response = await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("reward_in_use", "id"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(id, detail);
        Assert.Contains("«Летний спринт»", detail);
    }

    [Fact]
    public async Task A_refused_delete_leaves_the_reward_and_the_contests_prize_as_they_were()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        var id = await s.CreateContest(WithRewardPrize(s, tv));

        await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.OK, (await s.Admin.GetAsync($"/api/v1/rewards/{tv}")).StatusCode);
        Assert.Equal(tv, (await s.Contest(id)).GetProperty("prizes")[1].GetProperty("rewardId").GetString());
    }

    [Fact]
    public async Task A_prize_reward_can_be_deleted_once_the_contest_no_longer_offers_it()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        // Not started, for the reason given in the cancelled-contest test below.
        var id = await s.CreateContest(WithRewardPrize(s, tv, startsAt: s.Now.AddDays(1)));
        var edited = await (await s.Manager()).PutAsJsonAsync($"/api/v1/contests/{id}", s.ContestBody(startsAt: s.Now.AddDays(1), endsAt: s.Now.AddDays(8)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var response = await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_prize_reward_of_a_cancelled_contest_can_be_deleted()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        var id = await s.CreateContest(WithRewardPrize(s, tv, startsAt: s.Now.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, (await (await s.Manager()).PostAsync($"/api/v1/contests/{id}/cancel", null)).StatusCode);

        var response = await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_reward_awarded_to_a_contest_winner_is_kept_for_the_record()
    {
        await using var s = new ContestScenario();
        var (tv, id) = await TvPrizeContestWithTwoSellers(s);
        await Finish(s, id);

        var response = await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("reward_in_use", problem.GetProperty("code").GetString());
        Assert.Contains($"contest '{id}' «Летний спринт» awarded it to a winner", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_prize_reward_that_a_finished_contest_awarded_to_nobody_can_be_deleted()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var tv = await s.Reward("Телевизор 55″");
        var id = await s.CreateContest(WithRewardPrize(s, tv, endsAt: s.Now.AddHours(1)));
        await s.Sale("D-1", 20);
        await Finish(s, id);

        var response = await (await s.Manager()).DeleteAsync($"/api/v1/rewards/{tv}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_prize_reward_is_still_awarded_and_named_to_the_winner()
    {
        await using var s = new ContestScenario();
        var (tv, id) = await TvPrizeContestWithTwoSellers(s);

        Assert.Equal(HttpStatusCode.OK, (await (await s.Manager()).PostAsync($"/api/v1/rewards/{tv}/deactivate", null)).StatusCode);
        await Finish(s, id);

        var award = (await s.Contest(id)).GetProperty("awards").EnumerateArray().Single(a => a.GetProperty("place").GetInt32() == 2);
        Assert.Equal(("D-2", tv), (award.GetProperty("externalId").GetString(), award.GetProperty("rewardId").GetString()));
        await s.Delivered(() => s.DeliveredTo("1002").Any(m => m.Contains("«Телевизор 55″»", StringComparison.Ordinal)), "the winner is told the reward by its name");
    }

    [Fact]
    public async Task A_delete_queued_right_behind_a_contest_naming_the_reward_is_refused()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        using var gate = new ManualResetEventSlim();
        var writer = s.Service<IStoreWriter>();

        // Hold the writer so that the contest and the delete commit in one batch, the contest first.
        var blocker = writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(10)));
        var created = s.Service<ContestAuthoring>().CreateAsync(Draft(s, tv), "test", CancellationToken.None);
        var deleted = s.Service<RewardCatalog>().DeleteAsync(tv, CancellationToken.None);
        gate.Set();
        await blocker;

        Assert.True((await created).IsSuccess);
        Assert.Equal(RewardErrors.InUseCode, (await deleted).Error?.Code);
    }

    [Fact]
    public async Task A_contest_checked_before_its_prize_reward_was_deleted_is_refused_when_it_is_written()
    {
        await using var s = new ContestScenario();
        var tv = await s.Reward("Телевизор 55″");
        using var gate = new ManualResetEventSlim();
        var writer = s.Service<IStoreWriter>();

        // Hold the writer: the delete is queued first, then the contest is checked (the reward still exists) and queued.
        var blocker = writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(10)));
        var deleted = s.Service<RewardCatalog>().DeleteAsync(tv, CancellationToken.None);
        var created = s.Service<ContestAuthoring>().CreateAsync(Draft(s, tv), "test", CancellationToken.None);
        gate.Set();
        await blocker;

        Assert.True((await deleted).IsSuccess);
        var error = (await created).Error;
        Assert.Equal(("prizes[1].rewardId", RewardErrors.RewardNotFoundCode), (error?.Field, error?.Code));
        Assert.Equal(0, (await (await s.Manager()).GetJson("/api/v1/contests")).GetProperty("items").GetArrayLength());
    }

    /// <summary>A contest ending in an hour with a TV as a prize, where D-1 sold 20 units and D-2 10.</summary>
    private static async Task<(string Tv, string Contest)> TvPrizeContestWithTwoSellers(ContestScenario s)
    {
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        var tv = await s.Reward("Телевизор 55″");
        var id = await s.CreateContest(WithRewardPrize(s, tv, endsAt: s.Now.AddHours(1)));
        await s.Sale("D-1", 20);
        await s.Sale("D-2", 10);
        return (tv, id);
    }

    private static async Task Finish(ContestScenario s, string id)
    {
        s.Clock.Advance(TimeSpan.FromHours(1));
        await ContestScenario.Eventually(async () => (await s.Contest(id)).GetProperty("status").GetString() == "finished", "the contest finishes");
    }

    /// <summary>Place 1 wins 5000 points, place 2 the reward.</summary>
    private static JsonObject WithRewardPrize(ContestScenario s, string rewardId, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var body = s.ContestBody(startsAt: startsAt, endsAt: endsAt ?? (startsAt ?? s.Now).AddDays(7), atStart: false, atEnd: true);
        body["prizes"] = new JsonArray(
            new JsonObject { ["place"] = 1, ["points"] = 5000 },
            new JsonObject { ["place"] = 2, ["rewardId"] = rewardId });
        return body;
    }

    /// <summary>The same contest as a use-case draft, the reward's prize listed second (place 2).</summary>
    private static ContestDraft Draft(ContestScenario s, string rewardId) => new(
        new LocalizedDraft("Летний спринт"),
        new LocalizedDraft("Продайте больше всех до конца недели."),
        ContestMetric.SalesPoints,
        s.Now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
        s.Now.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
        "Europe/Moscow",
        Prizes: [new PrizeDraft(1, 5000m), new PrizeDraft(2, RewardId: rewardId)],
        Announcements: new AnnouncementPlanDraft(AtStart: false));
}
