namespace LoyaltyBot.Core.Members;

/// <summary>Recorded whenever a sale moves a member to another tier; notifications read these.</summary>
public sealed record TierChange
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public int Year { get; init; }

    /// <summary>The sale that caused the change.</summary>
    public required string SourceRef { get; init; }

    public DateTimeOffset At { get; init; }
}
