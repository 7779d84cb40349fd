using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Outbox;

/// <summary>
/// The delivery outbox: features write proactive messages here inside the same transaction as the change
/// that caused them; the outbox sender delivers them later. Call the write methods only from an
/// <see cref="IStoreWriter"/> operation.
/// </summary>
public sealed class DeliveryOutbox(TimeProvider time)
{
    private long _lastId = -1;

    /// <summary>Raised after something was enqueued, so the sender can look sooner than its next poll.</summary>
    public event Action? Enqueued;

    /// <summary>
    /// Queues a message for one identity; false when the dedup key was used before. A <paramref name="bulk"/> message
    /// (a mass mailing) is delivered after the personal messages that are due (see <see cref="OutboxMessage.Bulk"/>).
    /// </summary>
    public bool Enqueue(
        IDocumentStore store, ChatIdentity recipient, ChatMessage message, string dedupKey, string? topic = null, DateTimeOffset? notBefore = null, bool bulk = false)
    {
        if (!Insert(store, recipient, message, dedupKey, topic, notBefore, bulk, OutboxStatus.Pending, reason: null))
        {
            return false;
        }

        Enqueued?.Invoke();
        return true;
    }

    /// <summary>
    /// Records, under its dedup key, a message that will not be sent (its channel has no sender here, say), so that it is
    /// counted with its topic and never queued later; false when the key was used before. The image is not kept.
    /// </summary>
    public bool RecordSkipped(
        IDocumentStore store, ChatIdentity recipient, ChatMessage message, string dedupKey, string reason, string? topic = null, bool bulk = false) =>
        Insert(store, recipient, message with { Image = null }, dedupKey, topic, notBefore: null, bulk, OutboxStatus.Skipped, reason);

    private bool Insert(
        IDocumentStore store, ChatIdentity recipient, ChatMessage message, string dedupKey, string? topic, DateTimeOffset? notBefore, bool bulk,
        OutboxStatus status, string? reason)
    {
        var set = store.Set<OutboxMessage>();
        if (set.Exists(m => m.DedupKey == dedupKey))
        {
            return false;
        }

        var now = time.GetUtcNow();
        set.Insert(new OutboxMessage
        {
            Id = NextId(set),
            DedupKey = dedupKey,
            IdentityId = recipient.Id,
            Channel = recipient.Channel,
            MemberId = recipient.MemberId,
            Topic = topic,
            Bulk = bulk,
            TextHtml = message.Text.Html,
            Buttons = message.Buttons
                .SelectMany((row, r) => row.Select(b => new OutboxButton(r, b.Label, b.Payload, b.Url, b.RequestContact)))
                .ToList(),
            Image = message.Image?.Bytes,
            ImageName = message.Image?.FileName,
            ReplaceMessageId = message.ReplaceMessageId,
            Status = status,
            CreatedAt = now,
            NotBefore = notBefore ?? now,
            LastError = reason,
        });
        return true;
    }

    /// <summary>
    /// Queues a message, written in the member's language, to each of the member's reachable chat identities.
    /// Returns how many were queued.
    /// </summary>
    public int EnqueueForMember(IDocumentStore store, string memberId, Func<Texts, ChatMessage> compose, string dedupKey, string? topic = null)
    {
        var member = store.Set<Member>().Get(memberId);
        if (member is null)
        {
            return 0;
        }

        var message = compose(Texts.For(member.Language));
        var queued = 0;
        foreach (var identity in store.Set<ChatIdentity>().Find(i => i.MemberId == memberId))
        {
            if (identity.UnreachableSince is null && Enqueue(store, identity, message, $"{dedupKey}:{identity.Id}", topic))
            {
                queued++;
            }
        }

        return queued;
    }

    private long NextId(IDocumentSet<OutboxMessage> set)
    {
        if (_lastId < 0)
        {
            _lastId = set.Max(m => m.Id);
        }

        return ++_lastId;
    }
}
