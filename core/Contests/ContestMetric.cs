namespace LoyaltyBot.Core.Contests;

/// <summary>What a contest counts.</summary>
public enum ContestMetric
{
    /// <summary>Points earned from sales (<c>Sale.PointsEarned</c>).</summary>
    SalesPoints,

    /// <summary>Units sold.</summary>
    UnitsSold,

    /// <summary>Referred partners who qualified (added by the referrals feature through <see cref="ContestScores.Add"/>).</summary>
    QualifiedReferrals,

    /// <summary>Points paid for quizzes.</summary>
    QuizPoints,
}
