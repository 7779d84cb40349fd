namespace LoyaltyBot.Core.Outbox;

/// <summary>A stored <see cref="Chat.ChatButton"/> with its row.</summary>
public sealed record OutboxButton(int Row, string Label, string? Payload, string? Url, bool RequestContact);
