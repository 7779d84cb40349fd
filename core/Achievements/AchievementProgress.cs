namespace LoyaltyBot.Core.Achievements;

/// <summary>The counts the rules look at, per member (id = member id), kept up to date by <see cref="AchievementTracker.Record"/>.</summary>
public sealed record AchievementProgress
{
    public required string Id { get; init; }

    public int Sales { get; init; }

    public int Redemptions { get; init; }

    public int QuizzesPassed { get; init; }

    public int QualifiedReferrals { get; init; }

    public int ContestWins { get; init; }

    /// <summary>Months with sales, <c>yyyy-MM</c> in the program time zone, sorted.</summary>
    public List<string> SaleMonths { get; init; } = [];

    /// <summary>The longest run of consecutive months in <see cref="SaleMonths"/>.</summary>
    public int LongestStreak()
    {
        var longest = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var month in SaleMonths.Select(m => DateOnly.ParseExact(m + "-01", "yyyy-MM-dd")).Order())
        {
            run = previous is { } p && p.AddMonths(1) == month ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = month;
        }

        return longest;
    }
}
