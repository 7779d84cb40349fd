namespace LoyaltyBot.Core.Contests;

/// <summary>Who takes part: members of the listed tiers and regions; an empty list does not restrict.</summary>
public sealed record ContestAudience
{
    public static ContestAudience Everyone { get; } = new();

    /// <summary>Canonical tier names (the tier by units sold this program year).</summary>
    public List<string> Tiers { get; init; } = [];

    /// <summary>Regions as written on members, compared ignoring case.</summary>
    public List<string> Regions { get; init; } = [];

    public bool Includes(string tier, string? region) =>
        (Tiers.Count == 0 || Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
        && (Regions.Count == 0 || (region is not null && Regions.Contains(region.Trim(), StringComparer.OrdinalIgnoreCase)));
}
