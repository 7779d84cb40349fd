namespace LoyaltyBot.Core.Contests;

/// <summary>What finishing a contest did.</summary>
public enum FinishOutcome
{
    /// <summary>Standings frozen, prizes awarded, final standings queued.</summary>
    Finished,

    /// <summary>Finished before: nothing happened again.</summary>
    AlreadyFinished,

    /// <summary>Too early: the contest has not ended.</summary>
    NotDue,

    Cancelled,

    Unknown,
}
