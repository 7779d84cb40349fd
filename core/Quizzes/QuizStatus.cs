namespace LoyaltyBot.Core.Quizzes;

/// <summary>Where a quiz stands at a moment.</summary>
public enum QuizStatus
{
    Scheduled,
    Open,
    Closed,
}
