namespace LoyaltyBot.Core.Rewards;

/// <summary>A localized text as a manager sends it: <c>{ "ru": "…", "uk": "…", "en": "…" }</c>, Russian required.</summary>
public sealed record LocalizedTextDraft(string? Ru, string? Uk = null, string? En = null);
