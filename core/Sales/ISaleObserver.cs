using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Sales;

/// <summary>
/// Lets a feature (referral bonuses, contests, SPIFFs, achievements) react to a new sale inside the
/// same transaction, so its effect is committed exactly when the sale is. Not called for replays.
/// </summary>
public interface ISaleObserver
{
    /// <param name="store">The sale's write transaction.</param>
    /// <param name="sale">The new sale.</param>
    /// <param name="member">The member after the sale.</param>
    /// <param name="tierChange">The change of tier this sale caused (already stored), if any.</param>
    void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange);
}
