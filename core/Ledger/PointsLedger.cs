using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Ledger;

/// <summary>
/// Appends entries to the points ledger and keeps the member's cached balance in step, inside the
/// caller's write transaction. Call it only from an <see cref="IStoreWriter"/> operation.
/// </summary>
public sealed class PointsLedger(TimeProvider time, WebhookOutbox? webhooks = null)
{
    private long _lastId = -1;

    /// <param name="store">The write operation's store.</param>
    /// <param name="posting">The entry to append.</param>
    /// <param name="keyIsFresh">
    /// True when the caller has already proved the idempotency key unused (a sale checks its own sale id first);
    /// skips a lookup. The unique index on the key still refuses a duplicate.
    /// </param>
    public Result<LedgerAppend> Append(IDocumentStore store, LedgerPosting posting, bool keyIsFresh = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(posting.Reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(posting.SourceRef);
        ArgumentException.ThrowIfNullOrWhiteSpace(posting.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(posting.Actor);

        var entries = store.Set<LedgerEntry>();
        var existing = keyIsFresh ? null : entries.FindOne(e => e.IdempotencyKey == posting.IdempotencyKey);
        if (existing is not null)
        {
            return new LedgerAppend(existing, WasDuplicate: true);
        }

        var members = store.Set<Member>();
        var member = members.Get(posting.MemberId)
            ?? throw new InvalidOperationException($"Member {posting.MemberId} does not exist.");
        var balance = Points.Normalize(member.Balance + posting.Amount);
        if (posting.Amount < 0 && balance < 0)
        {
            return LedgerErrors.InsufficientPoints(member.Balance, -posting.Amount);
        }

        var entry = new LedgerEntry
        {
            Id = NextId(entries),
            MemberId = member.Id,
            Kind = posting.Kind,
            Amount = Points.Normalize(posting.Amount),
            Reason = posting.Reason,
            SourceRef = posting.SourceRef,
            IdempotencyKey = posting.IdempotencyKey,
            At = time.GetUtcNow(),
            Actor = posting.Actor,
            BalanceAfter = balance,
        };
        entries.Insert(entry);
        members.Update(MemberLedger.Add(store, member, entry.Id) with { Balance = balance });
        webhooks?.Emit(store, WebhookEventTypes.PointsChanged, new
        {
            memberId = member.Id,
            externalId = member.ExternalId,
            entryId = entry.Id,
            kind = entry.Kind,
            amount = entry.Amount,
            balance,
            sourceRef = entry.SourceRef,
        });
        return new LedgerAppend(entry, WasDuplicate: false);
    }

    private long NextId(IDocumentSet<LedgerEntry> entries)
    {
        if (_lastId < 0)
        {
            _lastId = entries.Max(e => e.Id);
        }

        return ++_lastId;
    }
}
