namespace LoyaltyBot.Core.Broadcasts;

/// <summary>A campaign as a manager sends it (API body, or built by the chat flow).</summary>
public sealed record BroadcastDraft
{
    /// <summary>Markup: <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;a href="https://…"&gt;</c>; everything else escaped as entities.</summary>
    public BroadcastTextDraft? Text { get; init; }

    /// <summary>A PNG or JPEG, base64-encoded.</summary>
    public string? Image { get; init; }

    public BroadcastLinkDraft? Button { get; init; }

    public BroadcastAudienceDraft? Audience { get; init; }

    /// <summary>Null: now.</summary>
    public DateTimeOffset? SendAt { get; init; }
}
