using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Quizzes;

/// <summary>
/// A whole quiz for managers. <see cref="Locked"/>: someone has started it, so only <c>closesAt</c> may change.
/// </summary>
public sealed record QuizResponse(
    string Id,
    LocalizedText Title,
    LocalizedText? Intro,
    IReadOnlyList<QuizQuestionResponse> Questions,
    QuizScoring Scoring,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int? TimeLimitSeconds,
    ExplanationTiming ShowExplanations,
    QuizAudience Audience,
    QuizStatus Status,
    bool Locked,
    DateTimeOffset? AnnouncedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static QuizResponse From(Quiz quiz, bool locked, DateTimeOffset now) => new(
        quiz.Id,
        quiz.Title,
        quiz.Intro,
        quiz.Questions.Select(QuizQuestionResponse.From).ToArray(),
        quiz.Scoring,
        quiz.OpensAt,
        quiz.ClosesAt,
        quiz.TimeLimitSeconds,
        quiz.ShowExplanations,
        quiz.Audience,
        quiz.StatusAt(now),
        locked,
        quiz.AnnouncedAt,
        quiz.CreatedAt,
        quiz.UpdatedAt);
}
