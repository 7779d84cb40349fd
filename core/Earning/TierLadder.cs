namespace LoyaltyBot.Core.Earning;

/// <summary>Tiers by units sold in the current program year. A tier never depends on the points balance.</summary>
public sealed class TierLadder
{
    public TierLadder(IEnumerable<TierDefinition> tiers)
    {
        Tiers = tiers.OrderBy(t => t.MinUnits).ToArray();
        if (Tiers.Count == 0 || Tiers[0].MinUnits != 0)
        {
            throw new ArgumentException("The lowest tier must start at 0 units.", nameof(tiers));
        }

        if (Tiers.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Tiers.Count
            || Tiers.Select(t => t.MinUnits).Distinct().Count() != Tiers.Count)
        {
            throw new ArgumentException("Tier names and thresholds must be distinct.", nameof(tiers));
        }
    }

    public static TierLadder Default { get; } = new(
        [new("Bronze", 0), new("Silver", 1001), new("Gold", 5001), new("Platinum", 20001)]);

    public IReadOnlyList<TierDefinition> Tiers { get; }

    public string Lowest => Tiers[0].Name;

    public string TierFor(long units) => Tiers.Last(t => t.MinUnits <= units).Name;

    /// <summary>Rank of a tier (0 = lowest), or -1 for an unknown name.</summary>
    public int RankOf(string tier)
    {
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (string.Equals(Tiers[i].Name, tier, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Canonical spelling of a tier name, or null when there is no such tier.</summary>
    public string? Normalize(string? tier) =>
        tier is null ? null : Tiers.FirstOrDefault(t => string.Equals(t.Name, tier, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>The tier above the one for <paramref name="units"/>, or null at the top.</summary>
    public NextTier? NextAfter(long units, EarningRule rule)
    {
        var next = Tiers.FirstOrDefault(t => t.MinUnits > units);
        if (next is null)
        {
            return null;
        }

        var needed = next.MinUnits - units;
        return new NextTier(next.Name, needed, rule.PointsFor(units, needed));
    }
}
