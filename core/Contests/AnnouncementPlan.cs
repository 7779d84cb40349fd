namespace LoyaltyBot.Core.Contests;

/// <summary>When the audience hears about a contest.</summary>
public sealed record AnnouncementPlan
{
    /// <summary>Tell the audience when the contest starts.</summary>
    public bool AtStart { get; init; } = true;

    /// <summary>Quartz cron expressions in the contest's time zone, e.g. <c>0 0 10 ? * MON</c> (Mondays 10:00).</summary>
    public List<string> Reminders { get; init; } = [];

    /// <summary>Reminders this many days before the end (<c>[1]</c> → «остался 1 день»).</summary>
    public List<int> DaysBeforeEnd { get; init; } = [];

    /// <summary>Send the final standings to the audience at the end (winners are congratulated anyway).</summary>
    public bool AtEnd { get; init; } = true;
}
