namespace LoyaltyBot.Core.Contests;

/// <summary>
/// One event counted in one contest, kept so the same source is never counted twice (<see cref="ContestScores.Add"/>)
/// and so an expiry of the points knows what to take back: <see cref="Amount"/> is what still counts. Points contests
/// keep one per sale too (keyed by the sale's ledger key, <c>sale:{id}</c>); a units contest needs none, as a sale
/// reaches the contests exactly once, in its own transaction.
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
