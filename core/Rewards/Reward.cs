namespace LoyaltyBot.Core.Rewards;

/// <summary>An item of the reward catalog that members buy with points.</summary>
public sealed record Reward
{
    public required string Id { get; init; }

    public required LocalizedText Name { get; init; }

    public LocalizedText? Description { get; init; }

    public RewardCategory Category { get; init; }

    public decimal CostPoints { get; init; }

    /// <summary>Lowest tier that may redeem it (canonical tier name), or null for everyone.</summary>
    public string? MinTier { get; init; }

    /// <summary>Units left; null means unlimited.</summary>
    public int? Stock { get; init; }

    /// <summary>How many pending or fulfilled redemptions one member may hold; null means no limit.</summary>
    public int? PerMemberLimit { get; init; }

    public DateTimeOffset? AvailableFrom { get; init; }

    public DateTimeOffset? AvailableTo { get; init; }

    public bool IsActive { get; init; } = true;

    /// <summary><c>image/png</c> or <c>image/jpeg</c> when an image was uploaded (the bytes are a <see cref="RewardImage"/>).</summary>
    public string? ImageContentType { get; init; }

    /// <summary>Redemptions ever made (never decreases): a reward that was redeemed is never deleted.</summary>
    public int TimesRedeemed { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Grows with every change, a redemption's or refund's stock change included, so an edit made from an older read
    /// can be refused instead of writing back the stock that read saw (the API's ETag).
    /// </summary>
    public long Version { get; init; }

    public bool IsAvailableAt(DateTimeOffset moment) =>
        (AvailableFrom is null || AvailableFrom <= moment) && (AvailableTo is null || moment < AvailableTo);
}
