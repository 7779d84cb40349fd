namespace LoyaltyBot.Core.Referrals;

/// <summary>The program's referral funnel and its best referrers (most qualified, then registered, then invited).</summary>
public sealed record ReferralOverview(ReferrerFigures Totals, IReadOnlyList<TopReferrer> Top);
