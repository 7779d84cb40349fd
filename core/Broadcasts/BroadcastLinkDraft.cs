namespace LoyaltyBot.Core.Broadcasts;

/// <summary>A link button as a manager sends it.</summary>
public sealed record BroadcastLinkDraft(BroadcastTextDraft? Label, string? Url);
