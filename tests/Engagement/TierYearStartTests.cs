using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Tiers;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class TierYearStartTests
{
    private static readonly Dictionary<string, string?> ClockOff = new() { ["TierYearStart:PollSeconds"] = "0" };

    [Fact]
    public async Task A_new_program_year_moves_stored_tiers_to_the_new_years_units_once()
    {
        using var s = new RewardsScenario(ClockOff);
        var yearStart = s.Api.Services.GetRequiredService<TierYearStart>();
        foreach (var (member, units) in new[] { ("D-1", 6000L), ("D-2", 1500L), ("D-3", 100L) })
        {
            await s.Member(member);
            Assert.True((await s.Admin.PostSale($"S-{member}", member, units, s.Clock.GetUtcNow())).IsSuccessStatusCode);
        }

        Assert.Equal(0, await yearStart.RunAsync(CancellationToken.None));
        Assert.Equal(["D-1"], await Listed(s, "Gold"));

        // 00:30 on 1 January 2027 in Moscow; D-2 sells enough in the new year to stay Silver.
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-12-31T21:30:00Z"));
        Assert.True((await s.Admin.PostSale("S-2027", "D-2", 1200, s.Clock.GetUtcNow())).IsSuccessStatusCode);

        Assert.Equal(1, await yearStart.RunAsync(CancellationToken.None));

        Assert.Empty(await Listed(s, "Gold"));
        Assert.Equal(["D-2"], await Listed(s, "Silver"));
        Assert.Equal(["D-1", "D-3"], await Listed(s, "Bronze"));
        var change = Assert.Single(Changes(s), c => c.SourceRef.StartsWith("year-start:", StringComparison.Ordinal));
        Assert.Equal(("Gold", "Bronze", 2027, "year-start:2027"), (change.From, change.To, change.Year, change.SourceRef));

        var before = Changes(s).Count;
        Assert.Equal(0, await yearStart.RunAsync(CancellationToken.None));
        Assert.Equal(before, Changes(s).Count);
    }

    [Fact]
    public async Task The_first_sale_of_the_new_year_that_lifts_a_member_is_congratulated_as_a_move_up()
    {
        using var s = new RewardsScenario(ClockOff);
        await s.LinkedChat("D-1", "1001");
        Assert.True((await s.Admin.PostSale("S-1", "D-1", 6000, s.Clock.GetUtcNow())).IsSuccessStatusCode);
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        await s.Api.Services.GetRequiredService<TierYearStart>().RunAsync(CancellationToken.None);

        Assert.True((await s.Admin.PostSale("S-2", "D-1", 1500, s.Clock.GetUtcNow())).IsSuccessStatusCode);

        var lifted = Assert.Single(Changes(s), c => c.SourceRef == "sale:S-2");
        Assert.Equal(("Bronze", "Silver"), (lifted.From, lifted.To));
        Assert.Contains("Silver", await s.DeliveredTo("1001", "Silver"));
    }

    [Fact]
    public async Task The_clock_brings_tiers_into_the_new_year_without_being_asked()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        Assert.True((await s.Admin.PostSale("S-1", "D-1", 6000, s.Clock.GetUtcNow())).IsSuccessStatusCode);

        s.Clock.SetUtcNow(DateTimeOffset.Parse("2027-01-01T09:00:00Z"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Listed(s, "Gold")).Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(["D-1"], await Listed(s, "Bronze"));
    }

    private static async Task<string[]> Listed(RewardsScenario s, string tier) =>
        [.. (await s.Admin.GetJson($"/api/v1/members?tier={tier}")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("externalId").GetString() ?? "")
            .Order()];

    private static IReadOnlyList<TierChange> Changes(RewardsScenario s) =>
        s.Api.Services.GetRequiredService<IDocumentStore>().Set<TierChange>().Find(c => true);
}
