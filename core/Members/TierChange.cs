namespace LoyaltyBot.Core.Members;

/// <summary>Recorded whenever a sale (or the start of a program year) moves a member to another tier; notifications read these.</summary>
public sealed record TierChange
{
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public int Year { get; init; }

    /// <summary>What caused the change: <c>sale:{id}</c>, or <c>year-start:{year}</c> for the start of a program year.</summary>
    public required string SourceRef { get; init; }

    public DateTimeOffset At { get; init; }
}
