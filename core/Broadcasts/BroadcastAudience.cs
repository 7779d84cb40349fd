namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// Who gets a campaign: active members matching every criterion given (an empty list or null does not restrict),
/// each on every reachable chat identity (of the listed channels, when some are listed).
/// </summary>
public sealed record BroadcastAudience
{
    /// <summary>Canonical tier names (the tier by units sold this program year).</summary>
    public List<string> Tiers { get; init; } = [];

    /// <summary>Regions as written on members, compared ignoring case.</summary>
    public List<string> Regions { get; init; } = [];

    /// <summary>"telegram", "teams", "terminal".</summary>
    public List<string> Channels { get; init; } = [];

    /// <summary>Only members with a ledger entry (sale, reward, redemption…) in the last N days.</summary>
    public int? ActiveWithinDays { get; init; }

    /// <summary>Only members without a ledger entry in the last N days.</summary>
    public int? InactiveForDays { get; init; }

    /// <summary>Only members who never redeemed a reward (a pending or fulfilled redemption counts).</summary>
    public bool NotRedeemed { get; init; }

    public List<string> ExternalIds { get; init; } = [];

    public bool IsEveryone =>
        Tiers.Count == 0 && Regions.Count == 0 && Channels.Count == 0 && ActiveWithinDays is null
        && InactiveForDays is null && !NotRedeemed && ExternalIds.Count == 0;
}
