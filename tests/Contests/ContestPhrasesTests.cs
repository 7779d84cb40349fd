using LoyaltyBot.Bot.Contests;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestPhrasesTests
{
    [Theory]
    [InlineData("ru", 1440, "остался 1 день")]
    [InlineData("ru", 1439.5, "остался 1 день")]
    [InlineData("ru", 2 * 1440 + 300, "осталось 2 дня")]
    [InlineData("ru", 5 * 1440, "осталось 5 дней")]
    [InlineData("ru", 7 * 1440, "осталась 1 неделя")]
    [InlineData("ru", 21 * 1440, "осталось 3 недели")]
    [InlineData("ru", 60, "остался 1 час")]
    [InlineData("ru", 21 * 60, "остался 21 час")]
    [InlineData("ru", 1, "осталась 1 минута")]
    [InlineData("ru", 25, "осталось 25 минут")]
    [InlineData("uk", 60, "залишилася 1 година")]
    [InlineData("uk", 1440, "залишився 1 день")]
    [InlineData("uk", 3 * 1440, "залишилося 3 дні")]
    [InlineData("en", 2 * 1440, "2 days left")]
    [InlineData("en", 1, "1 minute left")]
    public void Time_left_is_humanized_rounded_up_to_the_minute_and_the_verb_agrees_with_it(string language, double minutes, string expected)
    {
        Assert.Equal(expected, ContestPhrases.TimeLeft(Texts.For(language), TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData("Europe/Moscow", "2026-07-31T20:59:00Z", "UTC+3")]
    [InlineData("Europe/Kyiv", "2026-01-31T21:59:00Z", "UTC+2")]
    [InlineData("Asia/Kolkata", "2026-07-31T18:29:00Z", "UTC+5:30")]
    [InlineData("America/New_York", "2026-07-31T03:59:00Z", "UTC\u22124")]
    [InlineData("UTC", "2026-07-31T23:59:00Z", "UTC")]
    public void The_contest_end_names_the_zone_by_its_offset_at_that_moment(string zone, string endsAt, string expected)
    {
        var contest = new Contest
        {
            Id = "c1",
            Title = new LocalizedText { Ru = "Спринт" },
            Description = new LocalizedText { Ru = "" },
            TimeZone = zone,
        };

        Assert.Equal(expected, ContestPhrases.Offset(contest, DateTimeOffset.Parse(endsAt)));
    }

    [Fact]
    public void Time_left_below_a_minute_or_past_the_end_has_its_own_words()
    {
        var texts = Texts.For("ru");

        Assert.Equal("осталось меньше минуты", ContestPhrases.TimeLeft(texts, TimeSpan.FromSeconds(20)));
        Assert.Equal("время вышло, подводим итоги", ContestPhrases.TimeLeft(texts, TimeSpan.FromSeconds(-1)));
    }

    [Theory]
    [InlineData("ru", 7, "7")]
    [InlineData("en", 1, "1st")]
    [InlineData("en", 2, "2nd")]
    [InlineData("en", 7, "7th")]
    [InlineData("en", 11, "11th")]
    [InlineData("en", 22, "22nd")]
    public void Places_are_ordinal_numbers_where_the_language_writes_the_suffix_in_code(string language, int place, string expected)
    {
        Assert.Equal(expected, ContestPhrases.Ordinal(Texts.For(language), place));
    }
}
