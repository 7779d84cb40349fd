namespace LoyaltyBot.Core.Sales;

/// <summary>A recorded sale with the result it produced, kept to answer replays identically.</summary>
public sealed record Sale
{
    /// <summary>The seller's sale id.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string MemberExternalId { get; init; }

    public required string Sku { get; init; }

    public long Units { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>Program year the sale counts in.</summary>
    public int Year { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string Actor { get; init; }

    public decimal PointsEarned { get; init; }

    public decimal BalanceAfter { get; init; }

    public required string TierAfter { get; init; }
}
