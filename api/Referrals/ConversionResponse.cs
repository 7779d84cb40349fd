using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Api.Referrals;

/// <summary>Percentages (one decimal) of each funnel step: registered of invited, approved of registered, qualified of approved, qualified of invited.</summary>
public sealed record ConversionResponse(decimal RegisteredOfInvited, decimal ApprovedOfRegistered, decimal QualifiedOfApproved, decimal QualifiedOfInvited)
{
    public static ConversionResponse From(ReferrerFigures f) => new(
        ReferrerFigures.Percent(f.Registered, f.Invited),
        ReferrerFigures.Percent(f.Approved, f.Registered),
        ReferrerFigures.Percent(f.Qualified, f.Approved),
        ReferrerFigures.Percent(f.Qualified, f.Invited));
}
