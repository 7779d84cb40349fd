namespace LoyaltyBot.Api.Auth;

/// <summary>The only response that ever contains the key's secret.</summary>
public sealed record IssuedApiKeyResponse(string Id, string Name, string Role, DateTimeOffset CreatedAt, string Key);
