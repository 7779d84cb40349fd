using LoyaltyBot.Bot.Import;
using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Tests.Import;

public sealed class SaleFieldsTests
{
    private static readonly ProgramCalendar Moscow = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("12,500.00", "12500.00")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("1\u202F234\u202F567.5", "1234567.5")]
    [InlineData("1 234.567,89", "1234567.89")]
    [InlineData("500", "500")]
    [InlineData("0,125", "0.125")]
    [InlineData("1234,567", "1234.567")]
    [InlineData("-5", "-5")]
    public void An_amount_is_read_by_the_documented_separator_rule(string text, string expected)
    {
        Assert.Null(SaleFields.Amount(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("1,2,3.4.5")]
    [InlineData("1.234,5,6")]
    [InlineData("1.23.4")]
    [InlineData("12 50")]
    [InlineData("12a")]
    [InlineData("1,234.")]
    [InlineData("1,234")]
    [InlineData("12.500")]
    [InlineData("-12,500")]
    [InlineData(",5")]
    [InlineData("1e5")]
    [InlineData("--5")]
    public void An_ambiguous_or_malformed_amount_is_an_error_naming_the_field(string text)
    {
        var error = SaleFields.Amount(text, out var amount);

        Assert.Equal("amount", error?.Field);
        Assert.Null(amount);
    }

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
        var error = SaleFields.OccurredAt(text, Moscow, out var occurredAt);

        Assert.Equal("occurredAt", error?.Field);
        Assert.Contains(SaleFields.DateFormatsText, error!.Message);
        Assert.Null(occurredAt);
    }

    [Theory]
    [InlineData("2026-03-04", "2026-03-03T21:00:00+00:00")]
    [InlineData("2026-03-04T10:00", "2026-03-04T07:00:00+00:00")]
    [InlineData("2026-03-04T10:00:30Z", "2026-03-04T10:00:30+00:00")]
    [InlineData("2026-03-04T10:00:30.250+03:00", "2026-03-04T07:00:30.25+00:00")]
    [InlineData("2026-03-04 10:00:30-05:00", "2026-03-04T15:00:30+00:00")]
    [InlineData("04.03.2026", "2026-03-03T21:00:00+00:00")]
    [InlineData("04.03.2026 10:00:30", "2026-03-04T07:00:30+00:00")]
    public void A_date_in_a_documented_format_is_read_and_without_an_offset_is_a_time_of_the_program_zone(string text, string expected)
    {
        Assert.Null(SaleFields.OccurredAt(text, Moscow, out var occurredAt));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), occurredAt);
    }

    [Fact]
    public void A_date_without_an_offset_that_no_zone_offset_can_move_is_an_error()
    {
        var error = SaleFields.OccurredAt("0001-01-01", Moscow, out var occurredAt);

        Assert.Equal("occurredAt", error?.Field);
        Assert.Null(occurredAt);
    }

    [Theory]
    [InlineData("1 000", 1000)]
    [InlineData("1\u00A0000", 1000)]
    [InlineData("1\u202F000\u202F000", 1000000)]
    [InlineData("15", 15)]
    public void Units_may_group_thousands_with_spaces(string text, long expected)
    {
        Assert.Null(SaleFields.Units(text, out var units));
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("1.000")]
    [InlineData("1,5")]
    [InlineData("10 0")]
    [InlineData("many")]
    public void Units_that_are_not_a_whole_number_are_an_error_naming_the_field(string text)
    {
        Assert.Equal("units", SaleFields.Units(text, out _)?.Field);
    }
}
