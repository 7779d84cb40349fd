using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Tests.Earning;

public sealed class TierLadderTests
{
    private readonly TierLadder _tiers = TierLadder.Default;

    [Theory]
    [InlineData(0, "Bronze")]
    [InlineData(1000, "Bronze")]
    [InlineData(1001, "Silver")]
    [InlineData(5000, "Silver")]
    [InlineData(5001, "Gold")]
    [InlineData(20000, "Gold")]
    [InlineData(20001, "Platinum")]
    public void The_tier_follows_the_default_unit_thresholds(long units, string tier)
    {
        Assert.Equal(tier, _tiers.TierFor(units));
    }

    [Fact]
    public void The_next_tier_reports_the_units_missing_and_the_points_they_would_earn()
    {
        var next = _tiers.NextAfter(900, EarningRule.Default);
        Assert.NotNull(next);
        Assert.Equal("Silver", next.Name);
        Assert.Equal(101, next.UnitsNeeded);
        Assert.Equal(101.5m, next.PointsNeeded);
    }

    [Fact]
    public void There_is_no_next_tier_at_the_top()
    {
        Assert.Null(_tiers.NextAfter(25_000, EarningRule.Default));
    }

    [Fact]
    public void Tier_names_are_matched_without_regard_to_case()
    {
        Assert.Equal("Gold", _tiers.Normalize("gold"));
        Assert.Null(_tiers.Normalize("Diamond"));
    }
}
