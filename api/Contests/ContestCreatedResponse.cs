namespace LoyaltyBot.Api.Contests;

public sealed record ContestCreatedResponse(string Id);
