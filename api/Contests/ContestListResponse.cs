namespace LoyaltyBot.Api.Contests;

public sealed record ContestListResponse(IReadOnlyList<ContestSummaryResponse> Items, int Page, int PageSize, int Total);
