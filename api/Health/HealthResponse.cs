namespace LoyaltyBot.Api.Health;

public sealed record HealthResponse(string Status);
