using System.Globalization;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Tests.Contests;

/// <summary>«N days before the end» and the time left, counted on the contest's calendar in its own time zone.</summary>
public sealed class ContestCalendarTests
{
    [Fact]
    public void Days_before_an_end_whose_local_time_the_clocks_skip_that_day_are_read_in_standard_time()
    {
        // Ends Wednesday 17 March 2027, 02:30 EDT; on Sunday the 14th New York jumps from 02:00 to 03:00, so 02:30
        // does not exist: read as 02:30 EST, which the clocks show as 03:30 EDT.
        var contest = Ending("America/New_York", "2027-03-17T06:30:00Z");

        Assert.Equal(Utc("2027-03-14T07:30:00Z"), contest.DaysBeforeEnd(3));
    }

    [Fact]
    public void Days_before_an_end_whose_local_time_occurs_twice_that_day_are_its_second_occurrence()
    {
        // Ends Wednesday 4 November 2026, 01:30 EST; on Sunday the 1st New York shows 01:00–02:00 twice: the second, EST.
        var contest = Ending("America/New_York", "2026-11-04T06:30:00Z");

        Assert.Equal(Utc("2026-11-01T06:30:00Z"), contest.DaysBeforeEnd(3));
    }

    [Theory]
    // Summer time ends in between: 73 hours.
    [InlineData("America/New_York", "2026-11-03T15:00:00Z", "2026-10-31T14:00:00Z")]
    // Summer time starts in between: 71 hours.
    [InlineData("Australia/Sydney", "2026-10-05T23:00:00Z", "2026-10-03T00:00:00Z")]
    public void At_the_three_days_before_the_end_moment_three_days_are_left_across_a_daylight_saving_change(string zone, string endsAt, string now)
    {
        var contest = Ending(zone, endsAt);

        Assert.Equal(Utc(now), contest.DaysBeforeEnd(3));
        Assert.Equal(TimeSpan.FromDays(3), contest.TimeLeftAt(Utc(now)));
    }

    [Fact]
    public void Whole_days_left_are_calendar_days_and_the_rest_is_real_time()
    {
        // Ends Tuesday 6 October 2026, 10:00 AEDT; Sunday the 4th is 23 hours long in Sydney. From Saturday 09:00 AEST
        // (an hour before «3 days before the end») to the end: 3 calendar days and 1 hour.
        var contest = Ending("Australia/Sydney", "2026-10-05T23:00:00Z");

        Assert.Equal(TimeSpan.FromDays(3) + TimeSpan.FromHours(1), contest.TimeLeftAt(Utc("2026-10-02T23:00:00Z")));
    }

    [Fact]
    public void On_the_last_day_the_time_left_is_real_time_even_across_the_change()
    {
        // Ends Sunday 4 October 2026, 05:00 AEDT; at 01:00 AEST the clocks are 4 hours short of it but only 3 hours pass.
        var contest = Ending("Australia/Sydney", "2026-10-03T18:00:00Z");

        Assert.Equal(TimeSpan.FromHours(3), contest.TimeLeftAt(Utc("2026-10-03T15:00:00Z")));
    }

    private static Contest Ending(string zone, string endsAt) => new()
    {
        Id = "c1",
        Title = new LocalizedText { Ru = "Спринт" },
        Description = new LocalizedText { Ru = "" },
        TimeZone = zone,
        StartsAt = Utc("2026-06-01T00:00:00Z"),
        EndsAt = Utc(endsAt),
    };

    private static DateTimeOffset Utc(string moment) => DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture);
}
