namespace LoyaltyBot.Core.Earning;

/// <summary>Which program year a moment belongs to, in the program's time zone (and its wall-clock arithmetic).</summary>
public sealed class ProgramCalendar(TimeZoneInfo timeZone, int yearStartMonth = 1) : ZoneCalendar(timeZone)
{
    public int YearStartMonth { get; } = yearStartMonth is >= 1 and <= 12
        ? yearStartMonth
        : throw new ArgumentOutOfRangeException(nameof(yearStartMonth));

    /// <summary>The program year, named after the calendar year it starts in.</summary>
    public int YearOf(DateTimeOffset moment)
    {
        var local = LocalTime(moment);
        return local.Month >= YearStartMonth ? local.Year : local.Year - 1;
    }

    /// <summary>The first moment of a program year.</summary>
    public DateTimeOffset StartOf(int year) => AtLocal(new DateTime(year, YearStartMonth, 1, 0, 0, 0, DateTimeKind.Unspecified));
}
