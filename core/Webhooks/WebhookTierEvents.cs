using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Webhooks;

/// <summary>Emits <c>member.tier_changed</c> for the <see cref="TierChange"/> a new sale caused, in the sale's transaction.</summary>
public sealed class WebhookTierEvents(WebhookOutbox webhooks) : ISaleObserver
{
    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange)
    {
        if (tierChange is { } change)
        {
            webhooks.Emit(store, WebhookEventTypes.MemberTierChanged, new
            {
                memberId = member.Id,
                externalId = member.ExternalId,
                from = change.From,
                to = change.To,
                year = change.Year,
                saleId = sale.Id,
            });
        }
    }
}
