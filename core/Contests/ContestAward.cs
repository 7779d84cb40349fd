namespace LoyaltyBot.Core.Contests;

/// <summary>A prize given for a place when the contest finished; written once, with the ledger entry that paid it.</summary>
public sealed record ContestAward
{
    /// <summary><c>{contestId}:{place}</c>.</summary>
    public required string Id { get; init; }

    public required string ContestId { get; init; }

    public int Place { get; init; }

    public required string MemberId { get; init; }

    public decimal Score { get; init; }

    /// <summary>Points credited (ledger kind <c>ContestPrize</c>); 0 when the prize is a reward only.</summary>
    public decimal Points { get; init; }

    /// <summary>The catalog reward to hand over; fulfilled by the rewards feature (not in this code base yet).</summary>
    public string? RewardId { get; init; }

    public long? LedgerEntryId { get; init; }

    public DateTimeOffset AwardedAt { get; init; }

    public static string KeyOf(string contestId, int place) => $"{contestId}:{place}";
}
