using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

internal sealed class ReferralSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<ReferralCode>("referral_codes")
        .Index<ReferralCode, string>(c => c.Code, unique: true)
        .Collection<ReferralAttribution>("referral_attributions")
        .Index<ReferralAttribution, string>(a => a.ReferrerMemberId)
        .Collection<ReferralApplication>("referral_applications")
        .Index<ReferralApplication, long>(a => a.Number, unique: true)
        .Index<ReferralApplication, string>(a => a.ReferrerMemberId)
        .Index<ReferralApplication, string>(a => a.ApplicantIdentityId)
        .Index<ReferralApplication, string?>(a => a.MemberId)
        .Index<ReferralApplication, string>(a => a.Phone)
        .Index<ReferralApplication, ApplicationStatus>(a => a.Status);
}
