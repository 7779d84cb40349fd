namespace LoyaltyBot.Api.Auth;

public sealed record NewApiKeyRequest(string? Name, string? Role);
