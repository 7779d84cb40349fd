namespace LoyaltyBot.Api.Members;

public sealed record MemberListResponse(IReadOnlyList<MemberResponse> Items, int Page, int PageSize, int Total);
