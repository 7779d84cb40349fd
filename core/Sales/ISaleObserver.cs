using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Sales;

/// <summary>
/// Lets a feature (referral bonuses, contests, SPIFFs, achievements) react to a new sale inside the
/// same transaction, so its effect is committed exactly when the sale is. Not called for replays.
/// </summary>
public interface ISaleObserver
{
    void OnSaleRecorded(IDocumentStore store, Sale sale, Member member);
}
