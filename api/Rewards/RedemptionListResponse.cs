namespace LoyaltyBot.Api.Rewards;

public sealed record RedemptionListResponse(IReadOnlyList<RedemptionResponse> Items, int Page, int PageSize, int Total);
