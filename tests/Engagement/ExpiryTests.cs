using LoyaltyBot.Core.Expiry;
using LoyaltyBot.Tests.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class ExpiryTests
{
    private static readonly Dictionary<string, string?> MonthAfterEarning = new()
    {
        ["Expiry:Mode"] = "monthsAfterEarning",
        ["Expiry:Months"] = "1",
        ["Expiry:WarningDays"] = "7",
        ["Expiry:PollSeconds"] = "0",
    };

    [Fact]
    public async Task Spending_takes_the_oldest_points_first_the_member_is_warned_once_and_each_lot_is_written_off_exactly_once()
    {
        using var s = new RewardsScenario(MonthAfterEarning);
        await s.LinkedChat("D-1", "1001");
        var expiry = s.Api.Services.GetRequiredService<PointsExpiry>();
        var t0 = s.Clock.GetUtcNow();
        await s.Adjust("D-1", 100);
        s.Clock.Advance(TimeSpan.FromDays(10));
        await s.Adjust("D-1", 50);
        await s.Adjust("D-1", -30);

        s.Clock.SetUtcNow(t0.AddMonths(1).AddDays(-8));
        Assert.Equal(new ExpiryRun(0, 0, 0), await expiry.RunAsync(CancellationToken.None));
        s.Clock.SetUtcNow(t0.AddMonths(1).AddDays(-7));
        Assert.Equal(new ExpiryRun(0, 0, 1), await expiry.RunAsync(CancellationToken.None));
        Assert.Equal(new ExpiryRun(0, 0, 0), await expiry.RunAsync(CancellationToken.None));
        var warning = await s.DeliveredTo("1001", "сгорят");
        Assert.Contains("70 баллов сгорят 15.07.2026", warning);

        s.Clock.SetUtcNow(t0.AddMonths(1));
        Assert.Equal(new ExpiryRun(1, 70, 0), await expiry.RunAsync(CancellationToken.None));
        Assert.Equal(new ExpiryRun(0, 0, 0), await expiry.RunAsync(CancellationToken.None));
        Assert.Equal(50m, await s.Balance("D-1"));

        s.Clock.SetUtcNow(t0.AddDays(10).AddMonths(1));
        var last = await expiry.RunAsync(CancellationToken.None);
        Assert.Equal(50m, last.PointsWrittenOff);
        Assert.Equal(0m, await s.Balance("D-1"));
        var expired = (await s.Ledger("D-1")).Where(e => e.GetProperty("kind").GetString() == "expiry").Select(e => e.GetProperty("amount").GetDecimal());
        Assert.Equal([-50m, -70m], expired);
    }

    [Fact]
    public async Task Points_expiring_on_the_same_program_day_are_one_warning_even_when_their_utc_days_differ()
    {
        using var s = new RewardsScenario(MonthAfterEarning);
        await s.LinkedChat("D-1", "1001");
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-06-15T22:00:00Z")); // 16 June, 01:00 in Moscow
        await s.Adjust("D-1", 100);
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-06-16T09:00:00Z")); // 16 June, 12:00 in Moscow
        await s.Adjust("D-1", 50);

        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-10T09:00:00Z"));

        Assert.Equal(new ExpiryRun(0, 0, 1), await s.Api.Services.GetRequiredService<PointsExpiry>().RunAsync(CancellationToken.None));
        Assert.Contains("150 баллов сгорят 16.07.2026", await s.DeliveredTo("1001", "сгорят"));
    }

    [Fact]
    public async Task Points_expiring_on_different_program_days_are_warned_apart_even_on_the_same_utc_day()
    {
        using var s = new RewardsScenario(MonthAfterEarning);
        await s.LinkedChat("D-1", "1001");
        await s.Adjust("D-1", 100); // 15 June, 12:00 in Moscow
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-06-15T22:00:00Z")); // 16 June, 01:00 in Moscow
        await s.Adjust("D-1", 50);

        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-10T09:00:00Z"));

        Assert.Equal(new ExpiryRun(0, 0, 2), await s.Api.Services.GetRequiredService<PointsExpiry>().RunAsync(CancellationToken.None));
        Assert.Contains("100 баллов сгорят 15.07.2026", await s.DeliveredTo("1001", "100 баллов сгорят"));
        Assert.Contains("50 баллов сгорят 16.07.2026", await s.DeliveredTo("1001", "50 баллов сгорят"));
    }

    [Fact]
    public async Task The_expiry_entry_names_the_day_the_points_were_earned_in_the_program_time_zone()
    {
        using var s = new RewardsScenario(MonthAfterEarning);
        await s.Member("D-1");
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-06-15T22:00:00Z")); // 16 June, 01:00 in Moscow
        await s.Adjust("D-1", 100);

        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-07-16T00:00:00Z"));
        await s.Api.Services.GetRequiredService<PointsExpiry>().RunAsync(CancellationToken.None);

        var entry = (await s.Ledger("D-1")).Single(e => e.GetProperty("kind").GetString() == "expiry");
        Assert.Equal("Points earned 2026-06-16 expired", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public void Months_after_earning_count_calendar_months_in_the_program_time_zone()
    {
        var calendar = new LoyaltyBot.Core.Earning.ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var lots = new PointsLots(new ExpiryOptions { Mode = ExpiryMode.MonthsAfterEarning, Months = 1 }, calendar);

        // 31 March, 01:00 in Moscow (still 30 March in UTC): a month later is 30 April, 01:00 in Moscow, not 1 May.
        Assert.Equal(DateTimeOffset.Parse("2026-04-29T22:00:00Z"), lots.ExpiryOf(DateTimeOffset.Parse("2026-03-30T22:00:00Z")));
    }

    [Fact]
    public void Months_after_earning_keep_the_local_time_across_a_daylight_saving_change()
    {
        var calendar = new LoyaltyBot.Core.Earning.ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var lots = new PointsLots(new ExpiryOptions { Mode = ExpiryMode.MonthsAfterEarning, Months = 6 }, calendar);

        // 15 July, 00:30 in Berlin (summer time, 14 July in UTC): six months later is 15 January, 00:30 in Berlin, not 14 January, 23:30.
        Assert.Equal(DateTimeOffset.Parse("2027-01-14T23:30:00Z"), lots.ExpiryOf(DateTimeOffset.Parse("2026-07-14T22:30:00Z")));
    }

    [Fact]
    public async Task By_default_points_never_expire()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1", points: 100);
        s.Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(new ExpiryRun(0, 0, 0), await s.Api.Services.GetRequiredService<PointsExpiry>().RunAsync(CancellationToken.None));
        Assert.Equal(100m, await s.Balance("D-1"));
    }

    [Fact]
    public void End_of_the_following_year_means_the_start_of_the_year_after_next_in_the_program_time_zone()
    {
        var calendar = new LoyaltyBot.Core.Earning.ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var lots = new PointsLots(new ExpiryOptions { Mode = ExpiryMode.EndOfFollowingYear }, calendar);

        Assert.Equal(DateTimeOffset.Parse("2027-12-31T21:00:00Z"), lots.ExpiryOf(DateTimeOffset.Parse("2026-03-01T00:00:00Z")));
    }
}
