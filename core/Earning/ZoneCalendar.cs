namespace LoyaltyBot.Core.Earning;

/// <summary>
/// Wall-clock arithmetic in one time zone: the moment a local time names, and the same local time some calendar days
/// or months away, whatever daylight-saving change lies in between. The program's calendar is one
/// (<see cref="ProgramCalendar"/>); a contest has its own, in its zone.
/// </summary>
public class ZoneCalendar(TimeZoneInfo timeZone)
{
    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The wall-clock time of the zone at <paramref name="moment"/>.</summary>
    public DateTime LocalTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime;

    /// <summary>
    /// The same wall-clock time <paramref name="days"/> calendar days later (earlier when negative), whatever the UTC
    /// date and any daylight-saving change in between: 23, 24 or 25 hours per day. See <see cref="AtLocal"/> for a
    /// wall-clock time the change skips or repeats.
    /// </summary>
    public DateTimeOffset AddDays(DateTimeOffset moment, int days) => AtLocal(LocalTime(moment).AddDays(days));

    /// <summary>
    /// The same wall-clock time <paramref name="months"/> calendar months later (31 March + 1 = 30 April), whatever
    /// the UTC date and any daylight-saving change in between.
    /// </summary>
    public DateTimeOffset AddMonths(DateTimeOffset moment, int months) => AtLocal(LocalTime(moment).AddMonths(months));

    /// <summary>
    /// The moment (UTC) a wall-clock time of the zone names. A time that a daylight-saving change skips or repeats is
    /// read with the zone's standard offset: a skipped one lands as much later as the clocks jump (02:30 on the night
    /// New York moves to summer time is 03:30), a repeated one on its second, standard-time occurrence.
    /// </summary>
    public DateTimeOffset AtLocal(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, TimeZone.GetUtcOffset(wallClock)).ToUniversalTime();
    }

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
}
