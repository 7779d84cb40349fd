using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// Managers create campaigns (now or at a time) and cancel them; the <see cref="IBroadcastSchedule"/> runs the
/// <see cref="BroadcastDispatch"/> that sends them.
/// </summary>
public sealed class BroadcastCampaigns(
    IStoreWriter writer, IDocumentStore store, BroadcastRules rules, BroadcastRecipients recipients, DeliveryOutbox outbox,
    IBroadcastSchedule schedule, TimeProvider time)
{
    /// <summary>Validates a draft and counts its audience now, without storing anything (the chat's preview).</summary>
    public Result<(Broadcast Broadcast, int Recipients)> Preview(BroadcastDraft draft)
    {
        var now = time.GetUtcNow();
        var checkedDraft = rules.Check(draft, now);
        if (!checkedDraft.IsSuccess)
        {
            return checkedDraft.Error;
        }

        var count = recipients.Count(store, checkedDraft.Value.Audience, now);
        return count == 0 ? BroadcastErrors.EmptyAudience() : (checkedDraft.Value, count);
    }

    /// <summary>
    /// Stores a valid campaign with a non-empty audience: sending (now) or scheduled. Nothing is queued here: the
    /// dispatch expands the audience at send time. <paramref name="reportTo"/> is the chat identity that gets progress.
    /// </summary>
    public async Task<Result<Broadcast>> CreateAsync(BroadcastDraft draft, string actor, string? reportTo, CancellationToken cancellationToken)
    {
        var preview = Preview(draft);
        if (!preview.IsSuccess)
        {
            return preview.Error;
        }

        var now = time.GetUtcNow();
        var (candidate, count) = preview.Value;
        var sendNow = candidate.SendAt <= now;
        var broadcast = candidate with
        {
            Id = StoreIds.New(),
            Status = sendNow ? BroadcastStatus.Sending : BroadcastStatus.Scheduled,
            StartedAt = sendNow ? now : null,
            Recipients = count,
            CreatedAt = now,
            CreatedBy = actor,
            ReportTo = reportTo,
        };
        await writer.WriteAsync(s =>
        {
            s.Set<Broadcast>().Insert(broadcast);
            return true;
        }, cancellationToken);
        await schedule.ScheduleAsync(broadcast, cancellationToken);
        return broadcast;
    }

    /// <summary>Stops a scheduled or sending campaign: it and its still-pending deliveries become cancelled, in one transaction.</summary>
    public async Task<Result<Broadcast>> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var result = await writer.WriteAsync<Result<Broadcast>>(s =>
        {
            var broadcasts = s.Set<Broadcast>();
            var current = broadcasts.Get(id);
            if (current is null)
            {
                return BroadcastErrors.NotFound(id);
            }

            if (current.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending))
            {
                return BroadcastErrors.NotCancellable(current.Status);
            }

            var now = time.GetUtcNow();
            var topic = Broadcast.TopicOf(id);
            var messages = s.Set<OutboxMessage>();
            foreach (var pending in messages.Find(m => m.Topic == topic && m.Status == OutboxStatus.Pending))
            {
                messages.Update(pending with { Status = OutboxStatus.Cancelled, LastError = "broadcast cancelled" });
            }

            var cancelled = current with { Status = BroadcastStatus.Cancelled, CancelledAt = now, FinishedAt = now };
            broadcasts.Update(cancelled);
            Report(s, cancelled);
            return cancelled;
        }, cancellationToken);
        if (result.IsSuccess)
        {
            await schedule.UnscheduleAsync(id, cancellationToken);
        }

        return result;
    }

    /// <summary>Inside a write operation: queues the final report to the manager who started the campaign from chat.</summary>
    internal void Report(IDocumentStore s, Broadcast broadcast)
    {
        if (broadcast.ReportTo is null || s.Set<ChatIdentity>().Get(broadcast.ReportTo) is not { } manager)
        {
            return;
        }

        var language = manager.MemberId is { } memberId ? s.Set<Member>().Get(memberId)?.Language : manager.Language;
        var message = BroadcastMessages.Report(Texts.For(language), broadcast, BroadcastQueries.Counts(s, broadcast.Id));
        outbox.Enqueue(s, manager, message, $"broadcast-report:{broadcast.Id}", Broadcast.ReportTopicOf(broadcast.Id));
    }
}
