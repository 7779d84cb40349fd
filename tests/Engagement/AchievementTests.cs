using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Quizzes;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class AchievementTests
{
    [Fact]
    public async Task The_first_sale_badge_is_awarded_once_with_its_points_and_announced()
    {
        using var s = new RewardsScenario();
        await s.LinkedChat("D-1", "1001");
        await Rule(s.Admin, new { kind = "firstSale", name = "Первая продажа", points = 50 });

        await Sale(s, "S-1", 10);
        await Sale(s, "S-2", 10);

        Assert.Equal(20 + 50, await s.Balance("D-1"));
        var awards = (await s.Ledger("D-1")).Where(e => e.GetProperty("kind").GetString() == "achievement").ToArray();
        Assert.Equal(50m, Assert.Single(awards).GetProperty("amount").GetDecimal());
        Assert.Contains("Бонус: 50 баллов", await s.DeliveredTo("1001", "Новое достижение: Первая продажа"));
    }

    [Fact]
    public async Task A_replayed_sale_answers_the_balance_its_first_call_did_including_the_badge_points()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        await Rule(s.Admin, new { kind = "firstSale", name = "Первая продажа", points = 50 });
        var at = s.Clock.GetUtcNow();

        var first = await (await s.Admin.PostSale("S-1", "D-1", 10, at)).Json();
        var single = await s.Admin.PostSale("S-1", "D-1", 10, at);
        var batch = await s.Admin.PostAsJsonAsync("/api/v1/sales/batch", new
        {
            sales = new[] { new { id = "S-1", memberExternalId = "D-1", sku = "SKU-1", units = 10, occurredAt = at } },
        });

        Assert.Equal(60m, first.GetProperty("balance").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(60m, (await single.Json()).GetProperty("balance").GetDecimal());
        var item = Assert.Single((await batch.Json()).GetProperty("results").EnumerateArray());
        Assert.Equal("duplicate", item.GetProperty("status").GetString());
        Assert.Equal(60m, item.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task The_first_redemption_badge_follows_a_redemption()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1", points: 1000);
        await Rule(s.Admin, new { kind = "firstRedemption", name = "Первая награда" });
        var reward = await s.Reward(costPoints: 100);

        Assert.Empty(Badges(s, "D-1"));
        await s.Redeemed("D-1", reward);

        Assert.Equal("Первая награда", Assert.Single(Badges(s, "D-1")).Name);
    }

    [Fact]
    public async Task Reaching_a_tier_awards_its_badge_and_higher_tiers_count_too()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        await Rule(s.Admin, new { kind = "tierReached", name = "Серебро", tier = "silver" });
        await Rule(s.Admin, new { kind = "tierReached", name = "Золото", tier = "Gold" });

        await Sale(s, "S-1", 1000);
        Assert.Empty(Badges(s, "D-1"));
        await Sale(s, "S-2", 1);

        Assert.Equal("Серебро", Assert.Single(Badges(s, "D-1")).Name);
    }

    [Fact]
    public async Task A_sales_streak_needs_consecutive_months()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        await Rule(s.Admin, new { kind = "salesStreak", name = "Три месяца подряд", threshold = 3 });

        await Sale(s, "S-1", 1, DateTimeOffset.Parse("2026-02-10T09:00:00Z"));
        await Sale(s, "S-2", 1, DateTimeOffset.Parse("2026-04-10T09:00:00Z"));
        await Sale(s, "S-3", 1, DateTimeOffset.Parse("2026-05-10T09:00:00Z"));
        Assert.Empty(Badges(s, "D-1"));
        await Sale(s, "S-4", 1, DateTimeOffset.Parse("2026-06-01T09:00:00Z"));

        Assert.Single(Badges(s, "D-1"));
    }

    [Fact]
    public async Task Passing_quizzes_counts_toward_its_badge()
    {
        using var s = new QuizScenario();
        var chat = await s.Dealer("D-1", "1001");
        await Rule(await s.Manager(), new { kind = "quizzesPassed", name = "Эрудит", threshold = 1, points = 5 });
        var id = await s.CreateQuiz(s.QuizBody(questions: 1, passThresholdPercent: 50));

        var question = await QuizScenario.Begin(chat, id);
        await chat.Press(QuizScenario.Button(question, "Верно 1"));

        var member = s.Service<MemberQueries>().ByExternalId("D-1")!;
        Assert.Single(s.Service<IDocumentStore>().Set<MemberAchievement>().Find(a => a.MemberId == member.Id));
        Assert.Equal(10 + 5, await s.Balance("D-1"));
    }

    [Fact]
    public async Task Referral_and_contest_features_record_events_through_the_public_hook_and_a_repeated_event_counts_once()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        await Rule(s.Admin, new { kind = "qualifiedReferrals", name = "Наставник", threshold = 2 });
        await Rule(s.Admin, new { kind = "contestWinner", name = "Чемпион" });
        var member = s.Api.Services.GetRequiredService<MemberQueries>().ByExternalId("D-1")!;
        var tracker = s.Api.Services.GetRequiredService<AchievementTracker>();
        var writer = s.Api.Services.GetRequiredService<IStoreWriter>();
        var now = s.Clock.GetUtcNow();

        await writer.WriteAsync(st => tracker.Record(st, member.Id, AchievementEvent.ReferralQualified("R-1", now)));
        await writer.WriteAsync(st => tracker.Record(st, member.Id, AchievementEvent.ReferralQualified("R-1", now)));
        Assert.Empty(Badges(s, "D-1"));
        await writer.WriteAsync(st => tracker.Record(st, member.Id, AchievementEvent.ReferralQualified("R-2", now)));
        await writer.WriteAsync(st => tracker.Record(st, member.Id, AchievementEvent.ContestWon("C-1", now)));

        Assert.Equal(["Наставник", "Чемпион"], Badges(s, "D-1").Select(b => b.Name).Order());
    }

    [Fact]
    public async Task Achievements_in_chat_show_the_earned_badges_and_progress_toward_the_next()
    {
        using var s = new RewardsScenario();
        var chat = await s.LinkedChat("D-1", "1001");
        await Rule(s.Admin, new { kind = "firstSale", name = "Первая продажа" });
        await Rule(s.Admin, new { kind = "salesStreak", name = "Полгода подряд", threshold = 6 });

        Assert.Contains("Пока нет достижений", RewardsScenario.Text(await chat.Say("/achievements")));
        await Sale(s, "S-1", 1);
        var text = RewardsScenario.Text(await chat.Say("/achievements"));

        Assert.Contains("🏅 Первая продажа · 15.06.2026", text);
        Assert.Contains("Полгода подряд: 1 из 6", text);
    }

    [Fact]
    public async Task A_tier_rule_without_a_known_tier_is_refused()
    {
        using var s = new RewardsScenario();
        var response = await s.Admin.PostAsJsonAsync("/api/v1/achievements/rules", new { kind = "tierReached", name = "X", tier = "Diamond" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("tier", (await response.Json()).GetProperty("field").GetString());
    }

    private static async Task Rule(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/achievements/rules", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static IReadOnlyList<MemberAchievement> Badges(RewardsScenario s, string externalId)
    {
        var member = s.Api.Services.GetRequiredService<MemberQueries>().ByExternalId(externalId)!;
        return s.Api.Services.GetRequiredService<IDocumentStore>().Set<MemberAchievement>().Find(a => a.MemberId == member.Id);
    }

    private static async Task Sale(RewardsScenario s, string id, long units, DateTimeOffset? at = null)
    {
        var response = await s.Admin.PostSale(id, "D-1", units, at ?? s.Clock.GetUtcNow());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
