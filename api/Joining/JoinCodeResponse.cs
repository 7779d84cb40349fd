namespace LoyaltyBot.Api.Joining;

public sealed record JoinCodeResponse(string ExternalId, string JoinCode, string? JoinLink, DateTimeOffset ExpiresAt);
