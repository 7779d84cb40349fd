using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class TierUpTests
{
    [Fact]
    public async Task A_sale_that_lifts_a_member_to_silver_congratulates_them_once_with_the_rate_and_the_rewards_it_unlocks()
    {
        using var s = new RewardsScenario();
        await s.LinkedChat("D-1", "1001");
        await s.Reward(costPoints: 500, name: "Кружка");
        await s.Reward(costPoints: 900, name: "Термос", minTier: "Silver");
        await s.Reward(costPoints: 5000, name: "Поездка", minTier: "Gold");
        var now = s.Clock.GetUtcNow();

        Assert.True((await s.Admin.PostSale("S-1", "D-1", 1000, now)).IsSuccessStatusCode);
        Assert.Empty(TierUps(s));
        Assert.True((await s.Admin.PostSale("S-2", "D-1", 10, now)).IsSuccessStatusCode);
        Assert.True((await s.Admin.PostSale("S-3", "D-1", 10, now)).IsSuccessStatusCode);

        var told = await s.DeliveredTo("1001", "Silver");
        Assert.Contains("1,5 балла", told);
        Assert.Contains("Термос — 900 баллов", told);
        Assert.DoesNotContain("Кружка", told);
        Assert.DoesNotContain("Поездка", told);
        Assert.Single(TierUps(s));
    }

    [Fact]
    public async Task Jumping_two_tiers_lists_the_rewards_of_both()
    {
        using var s = new RewardsScenario();
        await s.LinkedChat("D-1", "1001", language: "en");
        await s.Reward(costPoints: 900, name: "Термос", minTier: "Silver");
        await s.Reward(costPoints: 5000, name: "Поездка", minTier: "Gold");

        Assert.True((await s.Admin.PostSale("S-1", "D-1", 6000, s.Clock.GetUtcNow())).IsSuccessStatusCode);

        var told = await s.DeliveredTo("1001", "Gold");
        Assert.Contains("2 points per unit", told);
        Assert.Contains("Термос (en)", told);
        Assert.Contains("Поездка (en)", told);
    }

    private static IReadOnlyList<OutboxMessage> TierUps(RewardsScenario s) =>
        s.Api.Services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().Find(m => m.Topic == "tierup");
}
