namespace LoyaltyBot.Core.Joining;

public sealed record IssuedJoinCode(string Code, DateTimeOffset ExpiresAt);
