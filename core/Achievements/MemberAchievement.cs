namespace LoyaltyBot.Core.Achievements;

/// <summary>A badge a member earned. Id <c>{ruleId}:{memberId}</c>, so it can only be earned once.</summary>
public sealed record MemberAchievement
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required string MemberId { get; init; }

    public required string Name { get; init; }

    public decimal Points { get; init; }

    public DateTimeOffset EarnedAt { get; init; }

    public static string KeyOf(string ruleId, string memberId) => $"{ruleId}:{memberId}";
}
