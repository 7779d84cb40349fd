namespace LoyaltyBot.Api.Achievements;

public sealed record AchievementRuleListResponse(IReadOnlyList<AchievementRuleResponse> Items);
