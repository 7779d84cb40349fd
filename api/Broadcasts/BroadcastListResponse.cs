namespace LoyaltyBot.Api.Broadcasts;

public sealed record BroadcastListResponse(IReadOnlyList<BroadcastResponse> Items, int Page, int PageSize, int Total);
