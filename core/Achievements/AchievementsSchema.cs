using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Achievements;

internal sealed class AchievementsSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<AchievementRule>("achievement_rules")
        .Collection<MemberAchievement>("member_achievements", keptByWriter: true)
        .Index<MemberAchievement, string>(a => a.MemberId)
        .Collection<AchievementProgress>("achievement_progress", keptByWriter: true)
        .Collection<RecordedAchievementEvent>("achievement_events");
}
