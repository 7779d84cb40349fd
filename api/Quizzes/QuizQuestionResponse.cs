using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Quizzes;

public sealed record QuizQuestionResponse(LocalizedText Text, IReadOnlyList<QuizOptionResponse> Options, LocalizedText? Explanation)
{
    public static QuizQuestionResponse From(QuizQuestion question) => new(
        question.Text,
        question.Options.Select(o => new QuizOptionResponse(o.Id, o.Text, o.IsCorrect)).ToArray(),
        question.Explanation);
}
