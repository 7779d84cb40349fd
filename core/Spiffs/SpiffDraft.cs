namespace LoyaltyBot.Core.Spiffs;

/// <summary>What a manager sends to define or replace a SPIFF.</summary>
public sealed record SpiffDraft(
    string? Title,
    List<string?>? Skus,
    decimal? PointsPerUnit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    List<string?>? Tiers = null,
    List<string?>? Regions = null);
