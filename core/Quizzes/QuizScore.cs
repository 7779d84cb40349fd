namespace LoyaltyBot.Core.Quizzes;

/// <summary>A finished attempt's figures.</summary>
public sealed record QuizScore(int Correct, int Questions, decimal Percent, bool Passed, decimal Points)
{
    /// <summary>Share in percent with one decimal (2 of 3 → 66.7).</summary>
    public static decimal PercentOf(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
