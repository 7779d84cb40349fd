namespace LoyaltyBot.Api.Members;

public sealed record MemberRolesRequest(IReadOnlyList<string>? Roles);
