using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Core.Outbox;

/// <summary>A proactive message waiting for, or done with, delivery to one chat identity.</summary>
public sealed record OutboxMessage
{
    /// <summary>Sequence number: delivery goes in this order.</summary>
    public long Id { get; init; }

    /// <summary>Unique: enqueueing the same key twice stores one message.</summary>
    public required string DedupKey { get; init; }

    public required string IdentityId { get; init; }

    public required string Channel { get; init; }

    public string? MemberId { get; init; }

    /// <summary>What it belongs to, e.g. <c>broadcast:…</c> or <c>redemption:…</c>, for counting and cancelling.</summary>
    public string? Topic { get; init; }

    /// <summary>Part of a mass mailing (a broadcast): sent after the personal messages that are due, so those never wait behind it.</summary>
    public bool Bulk { get; init; }

    public required string TextHtml { get; init; }

    public List<OutboxButton> Buttons { get; init; } = [];

    public byte[]? Image { get; init; }

    public string? ImageName { get; init; }

    public string? ReplaceMessageId { get; init; }

    public OutboxStatus Status { get; init; }

    /// <summary>Failed attempts so far (429 slow-downs are not failures).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The channel's id of the delivered message, for edits.</summary>
    public string? ChannelMessageId { get; init; }

    public string? LastError { get; init; }

    public ChatMessage ToChatMessage() => new()
    {
        Text = new RichText(TextHtml),
        Buttons = Buttons.GroupBy(b => b.Row).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<ChatButton>)g.Select(b => new ChatButton(b.Label, b.Payload, b.Url, b.RequestContact)).ToArray())
            .ToArray(),
        Image = Image is null ? null : new ChatImage(Image, ImageName ?? "image.png"),
        ReplaceMessageId = ReplaceMessageId,
    };
}
