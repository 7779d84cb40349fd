namespace LoyaltyBot.Core.Ledger;

/// <summary>A manager's manual correction of a member's points.</summary>
public sealed record Adjustment(decimal? Amount, string? Reason, string? IdempotencyKey = null);
