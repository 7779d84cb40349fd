namespace LoyaltyBot.Core.Quizzes;

/// <summary>When a member learns whether an answer was right, and reads the explanation.</summary>
public enum ExplanationTiming
{
    /// <summary>Right after each answer; the next question comes on a button press.</summary>
    AfterEach,

    /// <summary>Only in the review at the end; questions follow one another directly.</summary>
    AtEnd,
}
