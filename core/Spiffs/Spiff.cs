namespace LoyaltyBot.Core.Spiffs;

/// <summary>
/// A short-term sales incentive: extra points per unit of selected SKUs for sales that occurred in
/// [<see cref="From"/>, <see cref="To"/>), optionally only for some tiers or regions.
/// </summary>
public sealed record Spiff
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>SKUs that earn the bonus (compared ignoring case).</summary>
    public List<string> Skus { get; init; } = [];

    public decimal PointsPerUnit { get; init; }

    /// <summary>First moment of the window (inclusive).</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>End of the window (exclusive): a sale that occurred exactly at <see cref="To"/> earns nothing.</summary>
    public DateTimeOffset To { get; init; }

    /// <summary>Canonical tier names that qualify; empty means every tier.</summary>
    public List<string> Tiers { get; init; } = [];

    /// <summary>Regions that qualify; empty means every region.</summary>
    public List<string> Regions { get; init; } = [];

    public bool IsActive { get; init; } = true;

    /// <summary>When eligible members were told it started; null until then.</summary>
    public DateTimeOffset? AnnouncedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool Covers(DateTimeOffset occurredAt) => From <= occurredAt && occurredAt < To;

    public bool AppliesTo(string sku) => Skus.Contains(sku, StringComparer.OrdinalIgnoreCase);

    public bool IsFor(string tier, string? region) =>
        (Tiers.Count == 0 || Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
        && (Regions.Count == 0 || (region is not null && Regions.Contains(region, StringComparer.OrdinalIgnoreCase)));
}
