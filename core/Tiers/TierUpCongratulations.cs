using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Tiers;

/// <summary>
/// Congratulates a member whose sale moved them up a tier, inside the sale's transaction: the new earning rate and
/// the rewards the new tier unlocks. Reads the <see cref="TierChange"/> the sale recorder wrote for this sale; a
/// move down (a new program year) says nothing. Dedup key <c>tierup:{memberId}:{year}:{tier}</c>.
/// </summary>
public sealed class TierUpCongratulations(DeliveryOutbox outbox, TierLadder tiers, EarningRule rule) : ISaleObserver
{
    public const string Topic = "tierup";

    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange)
    {
        if (tierChange is not { } change)
        {
            return;
        }

        var fromRank = tiers.RankOf(change.From);
        var toRank = tiers.RankOf(change.To);
        if (toRank <= fromRank)
        {
            return;
        }

        var units = store.Set<MemberUnits>().Get(MemberUnits.KeyOf(member.Id, change.Year))?.Units ?? tiers.Tiers[toRank].MinUnits;
        var rate = rule.RateAt(units);
        var unlocked = store.Set<Reward>().Find(r => r.IsActive)
            .Where(r => r.MinTier is not null && tiers.RankOf(r.MinTier) > fromRank && tiers.RankOf(r.MinTier) <= toRank)
            .Where(r => r.AvailableTo is null || r.AvailableTo > change.At)
            .OrderBy(r => r.CostPoints)
            .ToArray();
        outbox.EnqueueForMember(
            store, member.Id, texts => Compose(texts, change.To, rate, unlocked), $"tierup:{member.Id}:{change.Year}:{change.To}", Topic);
    }

    public static ChatMessage Compose(Texts texts, string tier, decimal rate, IReadOnlyList<Reward> unlocked)
    {
        var lines = new List<RichText>
        {
            texts.Rich("Engagement.TierUp.Title", tier),
            texts.Rich("Engagement.TierUp.Rate", texts.Points(rate)),
        };
        if (unlocked.Count > 0)
        {
            lines.Add(texts.Rich("Engagement.TierUp.Rewards"));
            lines.AddRange(unlocked.Select(r => texts.Rich("Engagement.TierUp.Reward", r.Name.In(texts.Language), texts.Points(r.CostPoints))));
        }

        return new ChatMessage { Text = RichText.Lines(lines), Buttons = [[ChatButton.Choice(texts["Engagement.TierUp.ToRewards"], "rw:p:1")]] };
    }
}
