namespace LoyaltyBot.Core.Quizzes;

/// <summary>A member's answer to one question; never changed once given.</summary>
public sealed record QuizAnswer
{
    public int QuestionIndex { get; init; }

    public required string OptionId { get; init; }

    public bool IsCorrect { get; init; }

    /// <summary>Given after the time limit: it scores zero even when correct.</summary>
    public bool IsLate { get; init; }

    public DateTimeOffset? ShownAt { get; init; }

    public DateTimeOffset AnsweredAt { get; init; }

    public bool Scores => IsCorrect && !IsLate;
}
