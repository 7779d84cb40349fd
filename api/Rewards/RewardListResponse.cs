namespace LoyaltyBot.Api.Rewards;

public sealed record RewardListResponse(IReadOnlyList<RewardResponse> Items, int Page, int PageSize, int Total);
