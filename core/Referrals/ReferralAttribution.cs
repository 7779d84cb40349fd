namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// Who invited a chat identity: written when the identity first arrives through a valid referral link and not
/// changed by later links (the first attribution wins), unless its referrer was blocked since.
/// </summary>
public sealed record ReferralAttribution
{
    /// <summary>The chat identity id of the newcomer.</summary>
    public required string Id { get; init; }

    public required string ReferrerMemberId { get; init; }

    /// <summary>The code of the link, as it was when followed.</summary>
    public required string Code { get; init; }

    public DateTimeOffset At { get; init; }
}
