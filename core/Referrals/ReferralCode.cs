namespace LoyaltyBot.Core.Referrals;

/// <summary>A member's referral code: created on their first <c>/invite</c>, never changed.</summary>
public sealed record ReferralCode
{
    /// <summary>The member id: one code per member.</summary>
    public required string Id { get; init; }

    /// <summary>Unique, random, <see cref="ReferralCodes.Length"/> characters of <see cref="ReferralCodes.Alphabet"/>.</summary>
    public required string Code { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
