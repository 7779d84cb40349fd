namespace LoyaltyBot.Core.Quizzes;

/// <summary>A member's one attempt at a quiz: answers in question order, resumable until it ends.</summary>
public sealed record QuizAttempt
{
    /// <summary>Opaque id carried by the answer buttons.</summary>
    public required string Id { get; init; }

    /// <summary><c>{quizId}:{memberId}</c>, unique: one attempt per member per quiz.</summary>
    public required string Key { get; init; }

    public required string QuizId { get; init; }

    public required string MemberId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public List<QuizAnswer> Answers { get; init; } = [];

    /// <summary>When the next unanswered question was first shown (its time limit runs from here); null = not shown yet.</summary>
    public DateTimeOffset? ShownAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public AttemptEnd? End { get; init; }

    public int Correct { get; init; }

    public decimal ScorePercent { get; init; }

    public bool Passed { get; init; }

    public decimal PointsAwarded { get; init; }

    public int NextIndex => Answers.Count;

    public bool IsFinished => FinishedAt is not null;

    public static string KeyOf(string quizId, string memberId) => $"{quizId}:{memberId}";
}
