namespace LoyaltyBot.Core.Rewards;

/// <summary>One entry of a redemption's history: who moved it to which status, when and why.</summary>
public sealed record RedemptionStatusChange
{
    public RedemptionStatus Status { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary><c>api-key:{id}</c> or <c>chat:{channel}:{user}</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>The reject reason, the voucher handed over, or null.</summary>
    public string? Note { get; init; }
}
