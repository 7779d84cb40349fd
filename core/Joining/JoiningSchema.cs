using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Joining;

internal sealed class JoiningSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<JoinCode>("join_codes")
        .Index<JoinCode, string>(c => c.MemberId)
        .Collection<JoinFailures>("join_failures");
}
