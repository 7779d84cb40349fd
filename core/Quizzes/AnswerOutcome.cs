namespace LoyaltyBot.Core.Quizzes;

/// <summary>What became of a pressed answer button.</summary>
public abstract record AnswerOutcome
{
    /// <summary>
    /// The answer was stored. <see cref="Next"/> is the next question when it is shown right away (explanations at the
    /// end), the result when this was the last question, or null when the member asks for the next question.
    /// </summary>
    public sealed record Recorded(Quiz Quiz, QuizAttempt Attempt, QuizAnswer Answer, QuizStep? Next) : AnswerOutcome;

    /// <summary>The question was answered before (a double tap or an old button): nothing changed.</summary>
    public sealed record AlreadyAnswered(Quiz Quiz, QuizAttempt Attempt, int Index) : AnswerOutcome;

    /// <summary>The quiz closed before this answer: the attempt ended with the answers given before (now or earlier).</summary>
    public sealed record Ended(QuizStep.Finished Result) : AnswerOutcome;

    /// <summary>Not an answer this member can give now (someone else's attempt, a question not shown yet, an unknown option).</summary>
    public sealed record Stale : AnswerOutcome;
}
