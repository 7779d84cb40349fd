using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Api.Referrals;

/// <summary>
/// A funnel: chats <see cref="Invited"/> through links, of them <see cref="Registered"/> (applied), <see cref="Approved"/>,
/// <see cref="Qualified"/> (first qualifying sale within the window); <see cref="BonusPoints"/> paid to referrers.
/// </summary>
public sealed record ReferralFiguresResponse(int Invited, int Registered, int Approved, int Qualified, decimal BonusPoints)
{
    public static ReferralFiguresResponse From(ReferrerFigures f) => new(f.Invited, f.Registered, f.Approved, f.Qualified, f.BonusPoints);
}
