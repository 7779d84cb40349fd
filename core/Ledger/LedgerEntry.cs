namespace LoyaltyBot.Core.Ledger;

/// <summary>One append-only movement of points. A member's balance is the sum of their entries.</summary>
public sealed record LedgerEntry
{
    /// <summary>Store-wide sequence number; larger is newer.</summary>
    public long Id { get; init; }

    public required string MemberId { get; init; }

    public LedgerEntryKind Kind { get; init; }

    /// <summary>Signed amount of points: positive credits, negative debits.</summary>
    public decimal Amount { get; init; }

    /// <summary>Human-readable reason.</summary>
    public required string Reason { get; init; }

    /// <summary>What caused the entry, e.g. <c>sale:S-1001</c> or <c>redemption:…</c>.</summary>
    public required string SourceRef { get; init; }

    /// <summary>Unique per entry: the same key never writes a second entry.</summary>
    public required string IdempotencyKey { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who caused it: <c>api-key:{id}</c>, <c>chat:{channel}:{user}</c> or <c>system</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>The member's balance right after this entry.</summary>
    public decimal BalanceAfter { get; init; }
}
