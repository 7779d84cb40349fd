using System.Text.Json.Nodes;
using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Tests.Contests;

/// <summary>A prize that is a catalog reward is called by the reward's name in the reader's language, never by its id.</summary>
public sealed class ContestPrizeNameTests
{
    [Theory]
    [InlineData(null, "1-е место — 5 000 баллов + приз «Телевизор 55″»")]
    [InlineData("uk", "місце 1 — 5 000 балів + приз «Телевізор 55″»")]
    [InlineData("en", "1st place — 5,000 points + reward “TV 55″”")]
    public async Task The_start_announcement_names_the_prize_reward_in_the_members_language(string? language, string expected)
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001", language: language);
        var tv = await s.Reward("Телевизор 55″", "Телевізор 55″", "TV 55″");
        var id = await s.CreateContest(WithPrize(s, tv, points: 5000));

        await s.Service<ContestAnnouncements>().AnnounceStartAsync(id, CancellationToken.None);

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1, "the start is delivered");
        Assert.Contains(expected, s.DeliveredTo("1001")[0]);
        Assert.DoesNotContain(tv, s.DeliveredTo("1001")[0]);
    }

    [Fact]
    public async Task A_reward_without_a_translation_is_named_in_russian()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001", language: "en");
        var id = await s.CreateContest(WithPrize(s, await s.Reward("Кружка"), points: 0));

        await s.Service<ContestAnnouncements>().AnnounceStartAsync(id, CancellationToken.None);

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1, "the start is delivered");
        Assert.Contains("1st place — reward “Кружка”", s.DeliveredTo("1001")[0]);
    }

    [Fact]
    public async Task The_winner_is_told_the_reward_by_its_name()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001", language: "uk");
        var tv = await s.Reward("Телевизор 55″", "Телевізор 55″", "TV 55″");
        var body = WithPrize(s, tv, points: 0, atStart: false);
        body["endsAt"] = s.Now.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var id = await s.CreateContest(body);
        await s.Sale("D-1", 10);

        s.Clock.Advance(TimeSpan.FromHours(1));

        await s.Delivered(() => s.DeliveredTo("1001").Count == 2, "the winner and the final standings are delivered");
        var all = string.Join("\n", s.DeliveredTo("1001"));
        Assert.Contains("«Телевізор 55″» — менеджер розповість, як його отримати", all);
        Assert.DoesNotContain(tv, all);
        Assert.NotEmpty(id);
    }

    private static JsonObject WithPrize(ContestScenario s, string rewardId, decimal points, bool atStart = true)
    {
        var body = s.ContestBody(atStart: atStart);
        var prize = new JsonObject { ["place"] = 1, ["rewardId"] = rewardId };
        if (points > 0)
        {
            prize["points"] = points;
        }

        body["prizes"] = new JsonArray(prize);
        return body;
    }
}
