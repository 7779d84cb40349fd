namespace LoyaltyBot.Core.Broadcasts;

/// <summary>The link button under a campaign message: a label per language and an https address.</summary>
public sealed record BroadcastLink
{
    public required BroadcastText Label { get; init; }

    public required string Url { get; init; }
}
