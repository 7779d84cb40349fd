namespace LoyaltyBot.Api.Referrals;

/// <summary>The body of an approval, optional: without <see cref="ExternalId"/> the member gets <c>REF-{number:000000}</c>.</summary>
public sealed record ApproveApplicationRequest(string? ExternalId);
