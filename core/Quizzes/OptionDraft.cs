namespace LoyaltyBot.Core.Quizzes;

/// <summary>An answer option as an author sends it.</summary>
public sealed record OptionDraft(LocalizedDraft? Text, bool? Correct = null);
