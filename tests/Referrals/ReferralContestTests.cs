using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>A contest that counts qualified referrals scores the referrer when the invitee's first sale qualifies.</summary>
public sealed class ReferralContestTests
{
    [Fact]
    public async Task A_qualified_referral_counts_once_for_the_referrer_in_a_referrals_contest()
    {
        using var s = new ReferralScenario();
        var manager = await s.Manager();
        var now = s.Clock.GetUtcNow();
        var created = await manager.PostAsJsonAsync("/api/v1/contests", new JsonObject
        {
            ["title"] = new JsonObject { ["ru"] = "Приведи партнёра" },
            ["description"] = new JsonObject { ["ru"] = "Кто приведёт больше партнёров" },
            ["metric"] = "qualifiedReferrals",
            ["startsAt"] = now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = now.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
            ["prizes"] = new JsonArray(new JsonObject { ["place"] = 1, ["points"] = 1000 }),
            ["announcements"] = new JsonObject { ["atStart"] = false, ["atEnd"] = false },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contestId = (await created.Json()).GetProperty("id").GetString();
        var partner = await s.Member("P-1", "1001");
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(partner), phone: "+79161234567");

        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", referee)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-2", referee)).StatusCode);

        var board = await manager.GetJson($"/api/v1/contests/{contestId}/leaderboard");
        var leader = Assert.Single(board.GetProperty("items").EnumerateArray());
        Assert.Equal("P-1", leader.GetProperty("externalId").GetString());
        Assert.Equal(1m, leader.GetProperty("score").GetDecimal());
    }
}
