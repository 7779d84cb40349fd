namespace LoyaltyBot.Core.Sales;

/// <summary>What a recorded sale produced. A replay returns the original receipt.</summary>
public sealed record SaleReceipt(string Id, string MemberExternalId, decimal PointsEarned, decimal Balance, string Tier, bool Replayed);
