namespace LoyaltyBot.Core.Members;

public sealed record MemberPage(IReadOnlyList<Member> Items, int Page, int PageSize, int Total);
