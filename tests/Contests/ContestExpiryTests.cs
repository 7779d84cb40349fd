using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Expiry;

namespace LoyaltyBot.Tests.Contests;

/// <summary>Points that expire while a points contest runs stop counting in it; spent points, units and quiz-free contests are untouched.</summary>
public sealed class ContestExpiryTests
{
    private static readonly Dictionary<string, string?> OneMonthExpiry = new()
    {
        ["Expiry:Mode"] = "monthsAfterEarning",
        ["Expiry:Months"] = "1",
        ["Expiry:PollSeconds"] = "0",
    };

    [Fact]
    public async Task Points_that_expire_during_a_points_contest_are_taken_off_the_score_and_only_the_part_that_expired()
    {
        await using var s = new ContestScenario(OneMonthExpiry);
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        var points = await s.CreateContest(s.ContestBody(metric: "salesPoints", endsAt: s.Now.AddDays(90)));
        var units = await s.CreateContest(s.ContestBody(metric: "unitsSold", endsAt: s.Now.AddDays(90)));
        await s.Sale("D-1", 40);
        var spend = await s.Admin.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = -15, reason = "Correction" });
        Assert.Equal(HttpStatusCode.Created, spend.StatusCode);
        s.Clock.Advance(TimeSpan.FromDays(10));
        await s.Sale("D-2", 30);

        s.Clock.Advance(TimeSpan.FromDays(22)); // D-1's points are a month old, D-2's are not
        var run = await s.Service<PointsExpiry>().RunAsync(CancellationToken.None);
        Assert.Equal(25m, run.PointsWrittenOff);
        await s.Service<PointsExpiry>().RunAsync(CancellationToken.None); // a second run changes nothing

        var board = (await s.Leaderboard(points)).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("externalId").GetString(), r.GetProperty("score").GetDecimal())).ToArray();
        Assert.Equal([("D-2", 30m), ("D-1", 15m)], board);
        var unitBoard = (await s.Leaderboard(units)).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("externalId").GetString(), r.GetProperty("score").GetDecimal())).ToArray();
        Assert.Equal([("D-1", 40m), ("D-2", 30m)], unitBoard);
    }

    [Fact]
    public async Task Points_that_expire_after_a_contest_finished_leave_its_final_standings_alone()
    {
        await using var s = new ContestScenario(OneMonthExpiry);
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(metric: "salesPoints", endsAt: s.Now.AddDays(7)));
        await s.Sale("D-1", 40);
        s.Clock.Advance(TimeSpan.FromDays(8));
        await s.Service<ContestFinishing>().FinishAsync(id, CancellationToken.None);

        s.Clock.Advance(TimeSpan.FromDays(23)); // the sale's points are a month old, the prize's are not
        Assert.Equal(40m, (await s.Service<PointsExpiry>().RunAsync(CancellationToken.None)).PointsWrittenOff);

        Assert.Equal(40m, (await s.Leaderboard(id)).GetProperty("items")[0].GetProperty("score").GetDecimal());
    }
}
