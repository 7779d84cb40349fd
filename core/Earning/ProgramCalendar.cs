namespace LoyaltyBot.Core.Earning;

/// <summary>Which program year a moment belongs to, in the program's time zone.</summary>
public sealed class ProgramCalendar(TimeZoneInfo timeZone, int yearStartMonth = 1)
{
    public TimeZoneInfo TimeZone { get; } = timeZone;

    public int YearStartMonth { get; } = yearStartMonth is >= 1 and <= 12
        ? yearStartMonth
        : throw new ArgumentOutOfRangeException(nameof(yearStartMonth));

    /// <summary>The program year, named after the calendar year it starts in.</summary>
    public int YearOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone);
        return local.Month >= YearStartMonth ? local.Year : local.Year - 1;
    }

    /// <summary>The first moment of a program year.</summary>
    public DateTimeOffset StartOf(int year)
    {
        var local = new DateTime(year, YearStartMonth, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
