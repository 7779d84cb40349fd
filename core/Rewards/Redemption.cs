namespace LoyaltyBot.Core.Rewards;

/// <summary>A member's purchase of a reward with points, from the debit to fulfilment or refund.</summary>
public sealed record Redemption
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string MemberExternalId { get; init; }

    public required string RewardId { get; init; }

    /// <summary>The reward's name when it was redeemed (the catalog may change later).</summary>
    public required LocalizedText RewardName { get; init; }

    public decimal CostPoints { get; init; }

    public RedemptionStatus Status { get; init; }

    /// <summary><c>{memberId}:{source}:{key}</c>, unique: the same request never redeems twice.</summary>
    public required string RequestKey { get; init; }

    public string? Voucher { get; init; }

    /// <summary>The manager's message to the member on fulfilment.</summary>
    public string? Message { get; init; }

    public string? RejectReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every status the redemption went through, oldest first, starting with <see cref="RedemptionStatus.Pending"/>.</summary>
    public List<RedemptionStatusChange> History { get; init; } = [];

    /// <summary>The <c>sourceRef</c> of the ledger entries of a redemption.</summary>
    public static string SourceRefOf(string id) => $"redemption:{id}";
}
