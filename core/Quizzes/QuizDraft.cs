namespace LoyaltyBot.Core.Quizzes;

/// <summary>A whole quiz as a manager sends it to create or replace one; checked by <see cref="QuizValidator"/>.</summary>
public sealed record QuizDraft(
    LocalizedDraft? Title,
    IReadOnlyList<QuestionDraft?>? Questions,
    ScoringDraft? Scoring,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    LocalizedDraft? Intro = null,
    int? TimeLimitSeconds = null,
    ExplanationTiming? ShowExplanations = null,
    AudienceDraft? Audience = null);
