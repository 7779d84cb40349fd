using LoyaltyBot.Bot.Contests;
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
