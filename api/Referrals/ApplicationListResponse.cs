namespace LoyaltyBot.Api.Referrals;

public sealed record ApplicationListResponse(IReadOnlyList<ApplicationResponse> Items, int Page, int PageSize, int Total);
