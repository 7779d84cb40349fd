namespace LoyaltyBot.Core.Quizzes;

/// <summary>A question with 2–6 options, exactly one of them correct, and an optional explanation.</summary>
public sealed record QuizQuestion
{
    public required LocalizedText Text { get; init; }

    public List<QuizOption> Options { get; init; } = [];

    /// <summary>Shown after the member answered (right away or at the end, see <see cref="Quiz.ShowExplanations"/>).</summary>
    public LocalizedText? Explanation { get; init; }

    public QuizOption Correct => Options.First(o => o.IsCorrect);
}
