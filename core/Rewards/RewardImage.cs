namespace LoyaltyBot.Core.Rewards;

/// <summary>The picture of a reward, kept apart from the reward so catalog reads stay small.</summary>
public sealed record RewardImage
{
    /// <summary>The reward id.</summary>
    public required string Id { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Bytes { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
