namespace LoyaltyBot.Core.Reports;

/// <summary>One 7-day bucket of the period (the last may be shorter).</summary>
public sealed record KpiWeek(DateTimeOffset Start, decimal PointsIssued, decimal PointsRedeemed, int ActiveMembers);
