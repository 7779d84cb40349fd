using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Expiry;

/// <summary>
/// Lets a feature (contests) react to expired points inside the write-off's own transaction. Called once per lot, when
/// its write-off is first appended, with the credit that earned the points and how many of them expired (what was left
/// of the lot: points already spent did not expire).
/// </summary>
public interface IPointsExpiryObserver
{
    void OnPointsExpired(IDocumentStore store, LedgerEntry earned, decimal expired);
}
