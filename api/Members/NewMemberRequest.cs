using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Api.Members;

public sealed record NewMemberRequest(string? ExternalId, string? Name, string? Region, string? Language, MemberKind? Kind);
