using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Achievements;

/// <summary>Counts each new sale toward achievements (first sale, streaks, tiers) inside the sale's transaction.</summary>
public sealed class AchievementsOnSale(AchievementTracker achievements) : ISaleObserver
{
    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange) =>
        achievements.Record(store, member.Id, AchievementEvent.Sale(sale.Id, sale.OccurredAt));
}
