namespace LoyaltyBot.Core.Expiry;

/// <summary>What one run of the expiry step did.</summary>
public sealed record ExpiryRun(int WrittenOff, decimal PointsWrittenOff, int Warned);
