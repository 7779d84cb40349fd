using LoyaltyBot.Bot.Import;

namespace LoyaltyBot.Tests.Import;

public sealed class SaleFieldsTests
{
    [Theory]
    [InlineData("04/03/2026")]
    [InlineData("4.3.2026")]
    [InlineData("2026/03/04")]
    [InlineData("03-04-2026")]
    [InlineData("04.03.2026T10:00")]
    [InlineData("04.03.2026 10:00+03:00")]
    [InlineData("yesterday")]
    public void A_date_outside_the_documented_formats_is_an_error_naming_them(string text)
    {
        var error = SaleFields.OccurredAt(text, out var occurredAt);

        Assert.Equal("occurredAt", error?.Field);
        Assert.Contains(SaleFields.DateFormatsText, error!.Message);
        Assert.Null(occurredAt);
    }

    [Theory]
    [InlineData("2026-03-04", "2026-03-04T00:00:00+00:00")]
    [InlineData("2026-03-04T10:00", "2026-03-04T10:00:00+00:00")]
    [InlineData("2026-03-04T10:00:30Z", "2026-03-04T10:00:30+00:00")]
    [InlineData("2026-03-04T10:00:30.250+03:00", "2026-03-04T07:00:30.25+00:00")]
    [InlineData("2026-03-04 10:00:30-05:00", "2026-03-04T15:00:30+00:00")]
    [InlineData("04.03.2026", "2026-03-04T00:00:00+00:00")]
    [InlineData("04.03.2026 10:00:30", "2026-03-04T10:00:30+00:00")]
    public void A_date_in_a_documented_format_is_read_and_without_an_offset_is_utc(string text, string expected)
    {
        Assert.Null(SaleFields.OccurredAt(text, out var occurredAt));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), occurredAt);
        Assert.Equal(TimeSpan.Zero, occurredAt!.Value.Offset);
    }
}
