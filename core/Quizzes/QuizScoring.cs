namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// Points per correct answer and/or a completion bonus paid when the score reaches the pass threshold
/// (without a threshold every finished attempt passes).
/// </summary>
public sealed record QuizScoring
{
    public decimal PointsPerCorrect { get; init; }

    /// <summary>1–100; null means there is no pass mark.</summary>
    public int? PassThresholdPercent { get; init; }

    public decimal CompletionBonus { get; init; }

    /// <summary>The most a member can earn with <paramref name="questions"/> questions.</summary>
    public decimal MaxPoints(int questions) => PointsPerCorrect * questions + CompletionBonus;

    /// <summary>The outcome of <paramref name="correct"/> right answers out of <paramref name="questions"/>.</summary>
    public QuizScore Score(int correct, int questions)
    {
        // Compared in whole numbers, so 4 of 5 passes an 80 % threshold without rounding surprises.
        var passed = PassThresholdPercent is not { } threshold || correct * 100 >= threshold * questions;
        var points = PointsPerCorrect * correct + (passed ? CompletionBonus : 0m);
        return new QuizScore(correct, questions, QuizScore.PercentOf(correct, questions), passed, Ledger.Points.Normalize(points));
    }
}
