namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// A quiz's figures: <see cref="Participants"/> started it, <see cref="Finished"/> ended (all answered or closed);
/// <see cref="PassRate"/> and <see cref="AverageScore"/> are percentages over finished attempts.
/// </summary>
public sealed record QuizStats(
    string QuizId,
    int Participants,
    int Finished,
    int Passed,
    decimal PassRate,
    decimal AverageScore,
    decimal PointsAwarded,
    IReadOnlyList<QuestionStats> Questions);
