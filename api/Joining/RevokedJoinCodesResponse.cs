namespace LoyaltyBot.Api.Joining;

public sealed record RevokedJoinCodesResponse(string ExternalId, int Revoked);
