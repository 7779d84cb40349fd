namespace LoyaltyBot.Core.Broadcasts;

public sealed record BroadcastPage(IReadOnlyList<Broadcast> Items, int Page, int PageSize, int Total);
