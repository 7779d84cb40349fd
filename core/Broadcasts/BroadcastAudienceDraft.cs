namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// The audience as a manager sends it: <c>{"all": true}</c>, or one or more criteria that must all hold
/// (tiers, regions, channels, activeWithinDays, inactiveForDays, notRedeemed, externalIds).
/// </summary>
public sealed record BroadcastAudienceDraft
{
    public bool? All { get; init; }

    public List<string?>? Tiers { get; init; }

    public List<string?>? Regions { get; init; }

    public List<string?>? Channels { get; init; }

    public int? ActiveWithinDays { get; init; }

    public int? InactiveForDays { get; init; }

    public bool? NotRedeemed { get; init; }

    public List<string?>? ExternalIds { get; init; }
}
