using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Tests.Earning;

public sealed class EarningRuleTests
{
    private readonly EarningRule _rule = EarningRule.Default;

    [Fact]
    public void A_sale_crossing_into_the_second_bracket_is_split_between_rates()
    {
        Assert.Equal(250m, _rule.PointsFor(unitsBefore: 900, units: 200));
    }

    [Theory]
    [InlineData(0, 1000, 1000)]
    [InlineData(999, 1, 1)]
    [InlineData(1000, 1, 1.5)]
    [InlineData(0, 1001, 1001.5)]
    [InlineData(4999, 1, 1.5)]
    [InlineData(5000, 1, 2)]
    [InlineData(4999, 2, 3.5)]
    [InlineData(0, 5000, 7000)]
    [InlineData(0, 5001, 7002)]
    public void Exact_bracket_boundaries_earn_the_rate_of_the_bracket_each_unit_falls_in(long before, long units, decimal expected)
    {
        Assert.Equal(expected, _rule.PointsFor(before, units));
    }

    [Fact]
    public void A_sale_spanning_all_three_brackets_earns_each_part_at_its_rate()
    {
        // units 501..6000: 500 × 1 + 4000 × 1.5 + 1000 × 2
        Assert.Equal(8500m, _rule.PointsFor(500, 5500));
    }

    [Fact]
    public void Points_for_a_total_do_not_depend_on_how_the_units_were_split_into_sales()
    {
        var split = _rule.PointsFor(0, 700) + _rule.PointsFor(700, 3000) + _rule.PointsFor(3700, 2400);
        Assert.Equal(_rule.PointsFor(0, 6100), split);
    }

    [Fact]
    public void Brackets_that_do_not_start_at_the_first_unit_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new EarningRule([new EarningBracket(10, 1m)]));
    }

    [Fact]
    public void A_sale_late_on_new_years_eve_in_Moscow_counts_in_the_old_year_and_just_after_midnight_in_the_new()
    {
        var calendar = new ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        Assert.Equal(2025, calendar.YearOf(DateTimeOffset.Parse("2025-12-31T20:59:59Z")));
        Assert.Equal(2026, calendar.YearOf(DateTimeOffset.Parse("2025-12-31T21:00:00Z")));
    }

    [Fact]
    public void A_program_year_starting_in_April_puts_March_in_the_previous_year()
    {
        var calendar = new ProgramCalendar(TimeZoneInfo.Utc, yearStartMonth: 4);
        Assert.Equal(2025, calendar.YearOf(DateTimeOffset.Parse("2026-03-31T12:00:00Z")));
        Assert.Equal(2026, calendar.YearOf(DateTimeOffset.Parse("2026-04-01T00:00:00Z")));
    }
}
