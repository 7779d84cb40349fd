namespace LoyaltyBot.Core.Quizzes;

/// <summary>A text as an author sends it: <c>{"ru": "…", "uk": "…", "en": "…"}</c>, Russian required.</summary>
public sealed record LocalizedDraft(string? Ru, string? Uk = null, string? En = null);
