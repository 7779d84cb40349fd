namespace LoyaltyBot.Api.Quizzes;

public sealed record QuizListResponse(IReadOnlyList<QuizSummaryResponse> Items, int Page, int PageSize, int Total);
