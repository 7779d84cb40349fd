namespace LoyaltyBot.Core.Rewards;

public sealed record RewardPage(IReadOnlyList<Reward> Items, int Page, int PageSize, int Total);
