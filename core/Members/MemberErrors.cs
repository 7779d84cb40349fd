using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Members;

public static class MemberErrors
{
    public static DomainError Unknown(string externalId, string field = "externalId") =>
        DomainError.NotFound("unknown_member", $"No member has externalId '{externalId}'.", field);

    public static DomainError Duplicate(string externalId) =>
        DomainError.Conflict("duplicate_member", $"A member with externalId '{externalId}' already exists.", "externalId");

    public static DomainError Blocked(string externalId, string field = "externalId") =>
        DomainError.Conflict("member_blocked", $"Member '{externalId}' is blocked.", field);
}
