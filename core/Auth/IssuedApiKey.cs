namespace LoyaltyBot.Core.Auth;

/// <summary>A new key with its secret, which is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
