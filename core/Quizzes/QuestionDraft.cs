namespace LoyaltyBot.Core.Quizzes;

/// <summary>A question as an author sends it.</summary>
public sealed record QuestionDraft(LocalizedDraft? Text, IReadOnlyList<OptionDraft?>? Options, LocalizedDraft? Explanation = null);
