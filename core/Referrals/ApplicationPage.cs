namespace LoyaltyBot.Core.Referrals;

public sealed record ApplicationPage(IReadOnlyList<ReferralApplication> Items, int Page, int PageSize, int Total);
