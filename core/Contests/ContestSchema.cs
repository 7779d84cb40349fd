using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

internal sealed class ContestSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Contest>("contests")
        .Collection<ContestScore>("contest_scores")
        .Index<ContestScore, string>(s => s.ContestId)
        .Collection<ContestScoreEntry>("contest_score_entries")
        .Index<ContestScoreEntry, string>(e => e.ContestId)
        .Collection<ContestAward>("contest_awards")
        .Index<ContestAward, string>(a => a.ContestId);
}
