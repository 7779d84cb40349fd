using LoyaltyBot.Core.Expiry;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>Expired points stop counting in the running points contests that counted them, in the write-off's transaction.</summary>
internal sealed class ContestExpiryObserver(ContestScores scores) : IPointsExpiryObserver
{
    public void OnPointsExpired(IDocumentStore store, LedgerEntry earned, decimal expired) => scores.OnExpired(store, earned, expired);
}
