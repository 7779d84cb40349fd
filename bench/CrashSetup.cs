namespace LoyaltyBot.Bench;

/// <summary>The members and the reward the crash test works on, created once before the first kill.</summary>
internal sealed record CrashSetup(IReadOnlyList<string> SaleMembers, IReadOnlyList<string> RedemptionMembers, string RewardId, int InitialStock, decimal Cost);
