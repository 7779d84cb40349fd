namespace LoyaltyBot.Core.Rewards;

/// <summary>A reward as a manager creates or replaces it (<c>POST</c> / <c>PUT /api/v1/rewards</c>).</summary>
public sealed record RewardDraft
{
    public LocalizedTextDraft? Name { get; init; }

    public LocalizedTextDraft? Description { get; init; }

    public RewardCategory? Category { get; init; }

    public decimal? CostPoints { get; init; }

    /// <summary>A tier name (any case) or null for every tier.</summary>
    public string? MinTier { get; init; }

    /// <summary>Units in stock; absent means unlimited.</summary>
    public int? Stock { get; init; }

    public int? PerMemberLimit { get; init; }

    public DateTimeOffset? AvailableFrom { get; init; }

    public DateTimeOffset? AvailableTo { get; init; }
}
