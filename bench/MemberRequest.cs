namespace LoyaltyBot.Bench;

/// <summary>Body of <c>POST /api/v1/members</c>.</summary>
internal sealed record MemberRequest(string ExternalId, string Name, string? Region = null, string? Language = null);
