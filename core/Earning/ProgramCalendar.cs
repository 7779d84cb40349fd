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
    public DateTimeOffset StartOf(int year) => AtLocal(new DateTime(year, YearStartMonth, 1, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>
    /// The same wall-clock time <paramref name="months"/> calendar months later in the program's time zone
    /// (31 March + 1 = 30 April), whatever the UTC date and any daylight-saving change in between.
    /// </summary>
    public DateTimeOffset AddMonths(DateTimeOffset moment, int months) =>
        AtLocal(TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime.AddMonths(months));

    /// <summary>
    /// The moment (UTC) a wall-clock time of the program's time zone names. A time that a daylight-saving change skips
    /// or repeats is read with the zone's standard offset.
    /// </summary>
    /// <summary>
    /// <see cref="AtLocal"/> for times that come from outside (API, import): false for the first or last hours of the
    /// calendar, which no zone offset can move into range.
    /// </summary>
    public bool TryAtLocal(DateTime local, out DateTimeOffset moment)
    {
        var utcTicks = local.Ticks - TimeZone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)).Ticks;
        var inRange = utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks;
        moment = inRange ? AtLocal(local) : default;
        return inRange;
    }

    public DateTimeOffset AtLocal(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, TimeZone.GetUtcOffset(wallClock)).ToUniversalTime();
    }
}
