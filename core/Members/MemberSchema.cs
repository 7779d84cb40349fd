using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Members;

internal sealed class MemberSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Member>("members", keptByWriter: true)
        .Index<Member, string>(m => m.ExternalId, unique: true)
        .Index<Member, string>(m => m.Tier)
        .Collection<MemberUnits>("member_units", keptByWriter: true)
        .Collection<TierChange>("tier_changes")
        .Index<TierChange, string>(c => c.MemberId);
}
