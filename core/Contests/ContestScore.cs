namespace LoyaltyBot.Core.Contests;

/// <summary>A member's running score in one contest; the leaderboard is these, ordered.</summary>
public sealed record ContestScore
{
    /// <summary><c>{contestId}:{memberId}</c>.</summary>
    public required string Id { get; init; }

    public required string ContestId { get; init; }

    public required string MemberId { get; init; }

    public decimal Score { get; init; }

    /// <summary>
    /// When the score was reached: the latest time of the events that make it up. Ties go to whoever reached
    /// the score first.
    /// </summary>
    public DateTimeOffset ReachedAt { get; init; }

    /// <summary>Store-wide order of score changes: breaks ties within the same millisecond, and tells caches what they have seen.</summary>
    public long Sequence { get; init; }

    public static string KeyOf(string contestId, string memberId) => $"{contestId}:{memberId}";
}
