namespace LoyaltyBot.Core.Ledger;

/// <summary>Helpers for point amounts, which are exact decimals.</summary>
public static class Points
{
    /// <summary>Drops trailing zeros (1150.0 → 1150) so amounts print the same however they were computed.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
