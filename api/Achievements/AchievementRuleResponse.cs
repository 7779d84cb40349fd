using LoyaltyBot.Core.Achievements;

namespace LoyaltyBot.Api.Achievements;

public sealed record AchievementRuleResponse(
    string Id, AchievementKind Kind, string Name, string? Description, int Threshold, string? Tier, decimal Points, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AchievementRuleResponse From(AchievementRule r) =>
        new(r.Id, r.Kind, r.Name, r.Description, r.Threshold, r.Tier, r.Points, r.IsActive, r.CreatedAt, r.UpdatedAt);
}
