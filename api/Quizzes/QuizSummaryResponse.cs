using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Quizzes;

/// <summary>A quiz in the list: enough to pick one.</summary>
public sealed record QuizSummaryResponse(
    string Id,
    LocalizedText Title,
    QuizStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int QuestionCount,
    decimal MaxPoints,
    bool Locked)
{
    public static QuizSummaryResponse From(Quiz quiz, bool locked, DateTimeOffset now) => new(
        quiz.Id,
        quiz.Title,
        quiz.StatusAt(now),
        quiz.OpensAt,
        quiz.ClosesAt,
        quiz.Questions.Count,
        quiz.Scoring.MaxPoints(quiz.Questions.Count),
        locked);
}
