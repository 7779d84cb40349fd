namespace LoyaltyBot.Core.Quizzes;

public sealed record QuizPage(IReadOnlyList<Quiz> Items, int Page, int PageSize, int Total);
