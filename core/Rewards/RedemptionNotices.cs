using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

/// <summary>
/// Tells the member about each status change of their redemption, in their language, through the delivery outbox
/// (inside the change's transaction). The chat the member made the change from already has the answer, so it
/// is skipped; every other chat of the member is told.
/// </summary>
public sealed class RedemptionNotices(DeliveryOutbox outbox)
{
    public int Enqueue(IDocumentStore store, Redemption redemption, decimal balance, string? answeredInIdentity)
    {
        var member = store.Set<Member>().Get(redemption.MemberId);
        if (member is null)
        {
            return 0;
        }

        var message = Compose(Texts.For(member.Language), redemption, balance);
        var dedupKey = $"{Redemption.SourceRefOf(redemption.Id)}:{redemption.Status}";
        var queued = 0;
        foreach (var identity in store.Set<ChatIdentity>().Find(i => i.MemberId == member.Id))
        {
            if (identity.Id != answeredInIdentity
                && identity.UnreachableSince is null
                && outbox.Enqueue(store, identity, message, $"{dedupKey}:{identity.Id}", Redemption.SourceRefOf(redemption.Id)))
            {
                queued++;
            }
        }

        return queued;
    }

    public static ChatMessage Compose(Texts texts, Redemption redemption, decimal balance)
    {
        var name = redemption.RewardName.In(texts.Language);
        var lines = new List<RichText>();
        switch (redemption.Status)
        {
            case RedemptionStatus.Pending:
                lines.Add(texts.Rich("Rewards.Notify.Pending", name, texts.Points(redemption.CostPoints), texts.Points(balance)));
                break;
            case RedemptionStatus.Fulfilled:
                lines.Add(texts.Rich("Rewards.Notify.Fulfilled", name));
                if (redemption.Voucher is { } voucher)
                {
                    lines.Add(texts.Rich("Rewards.Notify.Voucher", voucher));
                }

                if (redemption.Message is { } message)
                {
                    lines.Add(texts.Rich("Rewards.Notify.Message", message));
                }

                break;
            case RedemptionStatus.Rejected:
                lines.Add(texts.Rich("Rewards.Notify.Rejected", name, redemption.RejectReason ?? string.Empty));
                lines.Add(texts.Rich("Rewards.Notify.Refunded", texts.Points(redemption.CostPoints), texts.Points(balance)));
                break;
            case RedemptionStatus.Cancelled:
                lines.Add(texts.Rich("Rewards.Notify.Cancelled", name));
                lines.Add(texts.Rich("Rewards.Notify.Refunded", texts.Points(redemption.CostPoints), texts.Points(balance)));
                break;
        }

        return new ChatMessage { Text = RichText.Lines(lines) };
    }
}
