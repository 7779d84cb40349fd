using LoyaltyBot.Core.Spiffs;

namespace LoyaltyBot.Api.Spiffs;

public sealed record SpiffResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Skus,
    decimal PointsPerUnit,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<string> Regions,
    bool IsActive,
    DateTimeOffset? AnnouncedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SpiffResponse Of(Spiff s) =>
        new(s.Id, s.Title, s.Skus, s.PointsPerUnit, s.From, s.To, s.Tiers, s.Regions, s.IsActive, s.AnnouncedAt, s.CreatedAt, s.UpdatedAt);
}
