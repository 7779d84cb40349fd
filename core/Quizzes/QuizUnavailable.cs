namespace LoyaltyBot.Core.Quizzes;

/// <summary>Why a member cannot start a quiz.</summary>
public enum QuizUnavailable
{
    Unknown,
    NotOpenYet,
    Closed,
    NotInAudience,
}
