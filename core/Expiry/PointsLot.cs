namespace LoyaltyBot.Core.Expiry;

/// <summary>What is left of one credit of the ledger after the debits that followed it consumed the oldest points first.</summary>
public sealed record PointsLot(long EntryId, DateTimeOffset EarnedAt, decimal Amount, decimal Remaining, DateTimeOffset? ExpiresAt);
