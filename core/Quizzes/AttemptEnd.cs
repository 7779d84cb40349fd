namespace LoyaltyBot.Core.Quizzes;

/// <summary>How an attempt ended.</summary>
public enum AttemptEnd
{
    /// <summary>Every question was answered.</summary>
    Completed,

    /// <summary>The quiz closed first; the answers given count.</summary>
    Closed,
}
