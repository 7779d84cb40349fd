namespace LoyaltyBot.Core.Quizzes;

/// <summary>Configuration section <c>Quizzes</c>.</summary>
public sealed class QuizOptions
{
    public const string Section = "Quizzes";

    /// <summary>How often the quiz clock looks for quizzes that opened (to announce) or closed (to settle); 0 turns it off.</summary>
    public int PollSeconds { get; set; } = 30;
}
