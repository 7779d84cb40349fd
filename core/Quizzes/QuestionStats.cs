namespace LoyaltyBot.Core.Quizzes;

/// <summary>How one question was answered: answers given, correct ones in time, and their share in percent.</summary>
public sealed record QuestionStats(int Index, int Answered, int Correct, decimal CorrectRate);
