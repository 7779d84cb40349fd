namespace LoyaltyBot.Api.Auth;

public sealed record ApiKeyResponse(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
