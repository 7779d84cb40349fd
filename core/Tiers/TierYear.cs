namespace LoyaltyBot.Core.Tiers;

/// <summary>The program year whose start <see cref="TierYearStart"/> last handled (one document, id <see cref="Key"/>).</summary>
public sealed record TierYear
{
    public const string Key = "tiers";

    public string Id { get; init; } = Key;

    public int Year { get; init; }

    public DateTimeOffset At { get; init; }
}
