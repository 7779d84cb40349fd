namespace LoyaltyBot.Core.Quizzes;

/// <summary>Scoring as an author sends it.</summary>
public sealed record ScoringDraft(decimal? PointsPerCorrect = null, int? PassThresholdPercent = null, decimal? CompletionBonus = null);
