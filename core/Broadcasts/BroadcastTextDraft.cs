namespace LoyaltyBot.Core.Broadcasts;

/// <summary>A text as a manager sends it: <c>{"ru": "…", "uk": "…", "en": "…"}</c>.</summary>
public sealed record BroadcastTextDraft(string? Ru, string? Uk = null, string? En = null);
