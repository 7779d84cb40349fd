namespace LoyaltyBot.Api.Identities;

public sealed record LinkedChatListResponse(string ExternalId, IReadOnlyList<LinkedChatResponse> Items);
