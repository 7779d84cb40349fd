namespace LoyaltyBot.Api.Referrals;

/// <summary>The program's funnel (invited → registered → approved → qualified), its conversion and the top referrers.</summary>
public sealed record ReferralStatsResponse(ReferralFiguresResponse Totals, ConversionResponse Conversion, IReadOnlyList<TopReferrerResponse> TopReferrers);
