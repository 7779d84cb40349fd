namespace LoyaltyBot.Core.Contests;

/// <summary>Where a contest stands at a moment.</summary>
public enum ContestStatus
{
    /// <summary>Not started yet.</summary>
    Scheduled,

    /// <summary>Started; counting until it ends, and until its results are settled.</summary>
    Running,

    /// <summary>Standings frozen and prizes awarded.</summary>
    Finished,

    Cancelled,
}
