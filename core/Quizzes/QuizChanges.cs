namespace LoyaltyBot.Core.Quizzes;

/// <summary>What an edit changes: once a quiz has attempts, only its closing time may.</summary>
public static class QuizChanges
{
    /// <summary>
    /// The first part of <paramref name="changed"/> other than the closing time that differs from
    /// <paramref name="current"/> (option ids aside), as a JSON field name; null when only <c>closesAt</c> differs.
    /// </summary>
    public static string? FirstDifference(Quiz current, Quiz changed)
    {
        if (current.Title != changed.Title)
        {
            return "title";
        }

        if (current.Intro != changed.Intro)
        {
            return "intro";
        }

        if (current.Questions.Count != changed.Questions.Count)
        {
            return "questions";
        }

        for (var i = 0; i < current.Questions.Count; i++)
        {
            var (a, b) = (current.Questions[i], changed.Questions[i]);
            if (a.Text != b.Text || a.Explanation != b.Explanation || a.Options.Count != b.Options.Count
                || a.Options.Zip(b.Options).Any(pair => pair.First.Text != pair.Second.Text || pair.First.IsCorrect != pair.Second.IsCorrect))
            {
                return $"questions[{i}]";
            }
        }

        if (current.Scoring != changed.Scoring)
        {
            return "scoring";
        }

        if (current.OpensAt != changed.OpensAt)
        {
            return "opensAt";
        }

        if (current.TimeLimitSeconds != changed.TimeLimitSeconds)
        {
            return "timeLimitSeconds";
        }

        if (current.ShowExplanations != changed.ShowExplanations)
        {
            return "showExplanations";
        }

        if (!current.Audience.Tiers.SequenceEqual(changed.Audience.Tiers) || !current.Audience.Regions.SequenceEqual(changed.Audience.Regions))
        {
            return "audience";
        }

        return null;
    }
}
