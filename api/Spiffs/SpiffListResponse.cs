namespace LoyaltyBot.Api.Spiffs;

public sealed record SpiffListResponse(IReadOnlyList<SpiffResponse> Items);
