namespace LoyaltyBot.Core.Joining;

/// <summary>Recent wrong codes from one chat identity, for throttling guessing.</summary>
public sealed record JoinFailures
{
    /// <summary>The identity id.</summary>
    public required string Id { get; init; }

    public List<DateTimeOffset> At { get; init; } = [];
}
