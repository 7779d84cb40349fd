namespace LoyaltyBot.Api.Quizzes;

public sealed record QuizCreatedResponse(string Id);
