using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Api.Referrals;

public sealed record TopReferrerResponse(string ExternalId, string Name, ReferralFiguresResponse Figures, ConversionResponse Conversion)
{
    public static TopReferrerResponse From(TopReferrer top) =>
        new(top.Member.ExternalId, top.Member.Name, ReferralFiguresResponse.From(top.Figures), ConversionResponse.From(top.Figures));
}
