using LoyaltyBot.Core.Expiry;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Tests.Engagement;

/// <summary>The expiry warning's verb agrees with the amount: «1 балл сгорит», «2 балла сгорят», «21 бал згорить».</summary>
public sealed class ExpiryWarningTextTests
{
    private static readonly DateTimeOffset ExpiresAt = DateTimeOffset.Parse("2026-07-15T09:00:00Z");

    [Theory]
    [InlineData("ru", 1, "1 балл сгорит 15.07.2026.")]
    [InlineData("ru", 2, "2 балла сгорят 15.07.2026.")]
    [InlineData("ru", 5, "5 баллов сгорят 15.07.2026.")]
    [InlineData("ru", 11, "11 баллов сгорят 15.07.2026.")]
    [InlineData("ru", 21, "21 балл сгорит 15.07.2026.")]
    [InlineData("ru", 31, "31 балл сгорит 15.07.2026.")]
    [InlineData("ru", 1.5, "1,5 балла сгорят 15.07.2026.")]
    [InlineData("uk", 1, "1 бал згорить 15.07.2026.")]
    [InlineData("uk", 2, "2 бали згорять 15.07.2026.")]
    [InlineData("uk", 5, "5 балів згорять 15.07.2026.")]
    [InlineData("uk", 11, "11 балів згорять 15.07.2026.")]
    [InlineData("uk", 21, "21 бал згорить 15.07.2026.")]
    [InlineData("uk", 1.5, "1,5 бала згорять 15.07.2026.")]
    [InlineData("en", 1, "1 point will expire on 7/15/2026.")]
    [InlineData("en", 2, "2 points will expire on 7/15/2026.")]
    public void The_expiry_warning_verb_agrees_with_the_number_of_points(string language, double amount, string expected)
    {
        var text = PointsExpiry.Warning(Texts.For(language), (decimal)amount, ExpiresAt, TimeZoneInfo.Utc).Text.ToPlainText();

        Assert.Contains(expected, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void The_expiry_date_is_the_day_in_the_program_s_time_zone_not_in_utc()
    {
        var lateEvening = DateTimeOffset.Parse("2026-07-15T22:30:00Z"); // 16 July, 01:30 in Moscow

        var text = PointsExpiry.Warning(Texts.For("ru"), 5, lateEvening, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).Text.ToPlainText();

        Assert.Contains("сгорят 16.07.2026.", text.Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData("ru", 1)]
    [InlineData("uk", 1)]
    [InlineData("en", 1)]
    public void The_expiry_warning_for_a_single_point_does_not_call_it_them(string language, double amount)
    {
        var text = PointsExpiry.Warning(Texts.For(language), (decimal)amount, ExpiresAt, TimeZoneInfo.Utc).Text.ToPlainText();

        Assert.DoesNotContain(" их ", text);
        Assert.DoesNotContain(" їх ", text);
        Assert.DoesNotContain(" them ", text);
    }
}
