namespace LoyaltyBot.Core.Reports;

/// <summary>The program's KPIs for the period [<see cref="From"/>, <see cref="To"/>). Rates are 0–1, null when undefined.</summary>
public sealed record KpiFigures
{
    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    /// <summary>Members enrolled before <see cref="To"/>.</summary>
    public int Members { get; init; }

    /// <summary>Members with any activity (a sale, a redemption or a quiz attempt) in the period.</summary>
    public int ParticipatingMembers { get; init; }

    public decimal? ParticipationRate { get; init; }

    /// <summary>Members active in the 30 days before <see cref="To"/>.</summary>
    public int ActiveMembers30Days { get; init; }

    public int ActiveMembers90Days { get; init; }

    /// <summary>Units of the sales that occurred in the period.</summary>
    public long UnitsSold { get; init; }

    /// <summary>Points credited (sales, SPIFFs, quizzes, referrals, contests, achievements, positive adjustments); refunds are not issuance.</summary>
    public decimal PointsIssued { get; init; }

    /// <summary>Points spent on redemptions less the refunds of rejected or cancelled ones.</summary>
    public decimal PointsRedeemed { get; init; }

    public decimal PointsExpired { get; init; }

    /// <summary>Redeemed ÷ issued.</summary>
    public decimal? RedemptionRate { get; init; }

    /// <summary>Referral funnel; null while the program has no referral data.</summary>
    public ReferralConversion? ReferralConversion { get; init; }

    /// <summary>Members who started a quiz in the period ÷ members.</summary>
    public decimal? QuizParticipationRate { get; init; }

    /// <summary>Passed ÷ finished attempts that finished in the period.</summary>
    public decimal? QuizPassRate { get; init; }

    /// <summary>Of the members active in the previous period of the same length, the share also active in this one.</summary>
    public decimal? Retention { get; init; }

    public List<KpiWeek> Weeks { get; init; } = [];
}
