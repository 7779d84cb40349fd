using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// A sales contest: who sells (or refers, or learns) the most between <see cref="StartsAt"/> and <see cref="EndsAt"/>
/// wins the prizes. Scores live in <see cref="ContestScore"/> documents, updated in the same transaction as the event.
/// </summary>
public sealed record Contest
{
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Description { get; init; }

    public ContestMetric Metric { get; init; }

    /// <summary>UTC; events at or after it count.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>UTC; events before it count.</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>IANA time zone id: reminders' cron expressions and dates in messages are in it.</summary>
    public required string TimeZone { get; init; }

    public ContestAudience Audience { get; init; } = ContestAudience.Everyone;

    /// <summary>Ordered by place, 1..N.</summary>
    public List<ContestPrize> Prizes { get; init; } = [];

    public AnnouncementPlan Announcements { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last created or changed it (<c>api-key:{id}</c>).</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When the start was announced (or deliberately not: too late, or not planned).</summary>
    public DateTimeOffset? StartAnnouncedAt { get; init; }

    /// <summary>When the standings were frozen: from then on nothing changes a score.</summary>
    public DateTimeOffset? FrozenAt { get; init; }

    /// <summary>When the prizes were paid and the final standings sent.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public string? CancelledBy { get; init; }

    public ContestStatus StatusAt(DateTimeOffset now) =>
        CancelledAt is not null ? ContestStatus.Cancelled
        : FinishedAt is not null ? ContestStatus.Finished
        : now < StartsAt ? ContestStatus.Scheduled
        : ContestStatus.Running;

    /// <summary>Whether an event that happened at <paramref name="at"/> counts (the standings are not frozen yet).</summary>
    public bool CountsAt(DateTimeOffset at) =>
        CancelledAt is null && FrozenAt is null && StartsAt <= at && at < EndsAt;

    /// <summary>Open for scores and not over: what <c>/top</c> shows.</summary>
    public bool IsLiveAt(DateTimeOffset now) => CountsAt(now);

    /// <summary>A method, not a property, so the store does not save a copy of the zone with every contest.</summary>
    public TimeZoneInfo ResolveZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// When «<paramref name="days"/> days before the end» is: the end's wall-clock time in the contest's zone that many
    /// calendar days earlier, not <c>days × 24 h</c>, so a daylight-saving change in between does not move it an hour.
    /// A wall-clock time the change skips or repeats follows <see cref="ZoneCalendar.AtLocal"/>.
    /// </summary>
    public DateTimeOffset DaysBeforeEnd(int days) => DayMark(new ZoneCalendar(ResolveZone()), days);

    /// <summary>
    /// The time left at <paramref name="now"/>: the whole calendar days to the end (<see cref="DaysBeforeEnd"/>, so the
    /// «3 days before the end» reminder says 3 days across a daylight-saving change) plus the real time to the nearest of
    /// those day marks; on the last day, and after the end (negative), the real time to the end.
    /// </summary>
    public TimeSpan TimeLeftAt(DateTimeOffset now)
    {
        var left = EndsAt - now;
        if (left <= TimeSpan.Zero)
        {
            return left;
        }

        // Calendar days are 23 to 25 hours long: start from the 24-hour count and correct it by a day either way.
        var calendar = new ZoneCalendar(ResolveZone());
        var days = (int)left.TotalDays;
        while (days > 0 && DayMark(calendar, days) < now)
        {
            days--;
        }

        while (DayMark(calendar, days + 1) >= now)
        {
            days++;
        }

        return TimeSpan.FromDays(days) + (DayMark(calendar, days) - now);
    }

    private DateTimeOffset DayMark(ZoneCalendar calendar, int days) => days == 0 ? EndsAt : calendar.AddDays(EndsAt, -days);
}
