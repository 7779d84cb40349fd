namespace LoyaltyBot.Core.Quizzes;

/// <summary>A product-training quiz members take in chat for points.</summary>
public sealed record Quiz
{
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Intro { get; init; }

    public List<QuizQuestion> Questions { get; init; } = [];

    public required QuizScoring Scoring { get; init; }

    public DateTimeOffset OpensAt { get; init; }

    public DateTimeOffset ClosesAt { get; init; }

    /// <summary>Seconds per question, counted on the server from when the question was shown; null = no limit.</summary>
    public int? TimeLimitSeconds { get; init; }

    public ExplanationTiming ShowExplanations { get; init; }

    public QuizAudience Audience { get; init; } = QuizAudience.Everyone;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last created or changed it (<c>api-key:{id}</c>).</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When the audience was told it opened (set once, in the same transaction as the messages).</summary>
    public DateTimeOffset? AnnouncedAt { get; init; }

    /// <summary>When, after closing, the attempts still open were ended and paid.</summary>
    public DateTimeOffset? SettledAt { get; init; }

    public QuizStatus StatusAt(DateTimeOffset now) =>
        now < OpensAt ? QuizStatus.Scheduled : now < ClosesAt ? QuizStatus.Open : QuizStatus.Closed;

    public bool IsOpenAt(DateTimeOffset now) => StatusAt(now) == QuizStatus.Open;
}
