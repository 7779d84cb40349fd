namespace LoyaltyBot.Core.Joining;

/// <summary>A single-use code that links a chat identity to a member. Only its hash is stored.</summary>
public sealed record JoinCode
{
    /// <summary>SHA-256 of the normalised code.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public string? UsedBy { get; init; }
}
