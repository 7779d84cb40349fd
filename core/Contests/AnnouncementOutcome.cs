namespace LoyaltyBot.Core.Contests;

/// <summary>What an announcement run did.</summary>
public enum AnnouncementOutcome
{
    /// <summary>Messages were queued (possibly none, for an empty audience).</summary>
    Sent,

    /// <summary>Too early: the contest has not started.</summary>
    NotDue,

    /// <summary>Done before: nothing was queued again.</summary>
    AlreadyDone,

    /// <summary>Not wanted any more: the contest was cancelled, has ended, or the announcement is not planned.</summary>
    Skipped,

    /// <summary>A reminder asked for too long after its time: skipped rather than sent late.</summary>
    Stale,

    Unknown,
}
