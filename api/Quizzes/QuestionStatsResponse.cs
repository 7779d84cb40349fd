namespace LoyaltyBot.Api.Quizzes;

/// <summary>One question: answers given, correct ones (in time), and <see cref="CorrectRate"/> in percent of the answers.</summary>
public sealed record QuestionStatsResponse(int Index, int Answered, int Correct, decimal CorrectRate);
