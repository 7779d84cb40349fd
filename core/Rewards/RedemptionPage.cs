namespace LoyaltyBot.Core.Rewards;

public sealed record RedemptionPage(IReadOnlyList<Redemption> Items, int Page, int PageSize, int Total);
