namespace LoyaltyBot.Core.Quizzes;

/// <summary>An open quiz a member may take, with their unfinished attempt if they have started.</summary>
public sealed record QuizOffer(Quiz Quiz, QuizAttempt? Attempt);
