using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Quizzes;

/// <summary>
/// <see cref="Participants"/> started the quiz, <see cref="Finished"/> ended their attempt; <see cref="PassRate"/> and
/// <see cref="AverageScore"/> are percentages (one decimal) over finished attempts.
/// </summary>
public sealed record QuizStatsResponse(
    string QuizId,
    int Participants,
    int Finished,
    int Passed,
    decimal PassRate,
    decimal AverageScore,
    decimal PointsAwarded,
    IReadOnlyList<QuestionStatsResponse> Questions)
{
    public static QuizStatsResponse From(QuizStats stats) => new(
        stats.QuizId,
        stats.Participants,
        stats.Finished,
        stats.Passed,
        stats.PassRate,
        stats.AverageScore,
        stats.PointsAwarded,
        stats.Questions.Select(q => new QuestionStatsResponse(q.Index, q.Answered, q.Correct, q.CorrectRate)).ToArray());
}
