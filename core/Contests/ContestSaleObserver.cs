using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>A new sale counts in the running contests at once, in the sale's own transaction.</summary>
internal sealed class ContestSaleObserver(ContestScores scores) : ISaleObserver
{
    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange) => scores.OnSale(store, sale, member);
}
