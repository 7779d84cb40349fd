namespace LoyaltyBot.Core.Achievements;

/// <summary>An event already counted (id <c>{memberId}:{sourceRef}</c>), so a repeat does not count twice.</summary>
public sealed record RecordedAchievementEvent
{
    public required string Id { get; init; }

    public DateTimeOffset At { get; init; }
}
