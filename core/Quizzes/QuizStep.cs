namespace LoyaltyBot.Core.Quizzes;

/// <summary>What a member sees next in a quiz.</summary>
public abstract record QuizStep
{
    /// <summary>The question at <see cref="Index"/>, the next unanswered one; its time limit runs from <see cref="QuizAttempt.ShownAt"/>.</summary>
    public sealed record Question(Quiz Quiz, QuizAttempt Attempt, int Index) : QuizStep;

    /// <summary>The attempt has ended (<see cref="JustEnded"/>: by this very action) and paid; <see cref="Balance"/> is the member's balance now.</summary>
    public sealed record Finished(Quiz Quiz, QuizAttempt Attempt, decimal Balance, bool JustEnded) : QuizStep;

    public sealed record Unavailable(QuizUnavailable Reason, Quiz? Quiz) : QuizStep;
}
