namespace LoyaltyBot.Core.Contests;

/// <summary>
/// One event counted in one contest through <see cref="ContestScores.Add"/>, kept so the same source is never
/// counted twice (and so a future reversal knows what to take back). Sales need none: a sale reaches the
/// contests exactly once, in its own transaction.
/// </summary>
public sealed record ContestScoreEntry
{
    /// <summary><c>{contestId}:{sourceRef}</c>.</summary>
    public required string Id { get; init; }

    public required string ContestId { get; init; }

    public required string MemberId { get; init; }

    public decimal Amount { get; init; }

    public DateTimeOffset At { get; init; }

    public static string KeyOf(string contestId, string sourceRef) => $"{contestId}:{sourceRef}";
}
