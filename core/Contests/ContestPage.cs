namespace LoyaltyBot.Core.Contests;

public sealed record ContestPage(IReadOnlyList<Contest> Items, int Page, int PageSize, int Total);
