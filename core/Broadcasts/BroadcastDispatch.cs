using System.Collections.Concurrent;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// One step of sending a campaign, idempotent so its job may run it as often as it likes and a restart simply catches
/// up: starts a scheduled campaign once its time has come (never before), expands the audience into the outbox (one
/// transaction per chunk of members, each recipient identity once by its dedup key), keeps the manager's progress
/// message up to date and finishes the campaign when nothing is left to send.
/// A campaign never waits for a channel that has no sender in this process (<see cref="IDeliveryChannels"/>): its
/// recipients there are recorded as skipped when the audience is expanded, and deliveries queued for such a channel
/// before a restart are skipped once the channel has been missing for <see cref="BroadcastOptions.NoSenderGraceMinutes"/>.
/// </summary>
public sealed class BroadcastDispatch(
    IStoreWriter writer, IDocumentStore store, BroadcastCampaigns campaigns, BroadcastRecipients recipients, DeliveryOutbox outbox,
    IDeliveryChannels channels, BroadcastOptions options, TimeProvider time)
{
    // The channels are fixed for the life of the process and expansion skips the missing ones, so once the grace has passed
    // one look per campaign finds every delivery stranded on them.
    private readonly DateTimeOffset _firstRun = time.GetUtcNow();
    private readonly ConcurrentDictionary<string, bool> _strandedSkipped = new(StringComparer.Ordinal);

    /// <summary>Runs every due piece of work of the campaign once; returns its status after (null: no such campaign).</summary>
    public async Task<BroadcastStatus?> RunAsync(string id, CancellationToken cancellationToken)
    {
        if (store.Set<Broadcast>().Get(id) is not { } broadcast)
        {
            return null;
        }

        if (broadcast.Status == BroadcastStatus.Scheduled)
        {
            await writer.WriteAsync(s => Start(s, id), cancellationToken);
        }

        if (store.Set<Broadcast>().Get(id) is { Status: BroadcastStatus.Sending } sending)
        {
            if (sending.ExpandedAt is null)
            {
                while (!await writer.WriteAsync(s => ExpandChunk(s, id), cancellationToken))
                {
                }

                // Expanded wholly here: every recipient on a channel without a sender was skipped then, none is stranded.
                if (sending.MembersExpanded == 0)
                {
                    _strandedSkipped.TryAdd(id, true);
                }
            }

            if (!_strandedSkipped.ContainsKey(id) && time.GetUtcNow() - _firstRun >= TimeSpan.FromMinutes(options.NoSenderGraceMinutes))
            {
                await writer.WriteAsync(s => SkipStranded(s, id), cancellationToken);
                _strandedSkipped.TryAdd(id, true);
            }

            await writer.WriteAsync(s => FinishOrReport(s, id), cancellationToken);
        }

        var status = store.Set<Broadcast>().Get(id)?.Status;
        if (status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending))
        {
            _strandedSkipped.TryRemove(id, out _);
        }

        return status;
    }

    private bool Start(IDocumentStore s, string id)
    {
        var set = s.Set<Broadcast>();
        var now = time.GetUtcNow();
        if (set.Get(id) is not { Status: BroadcastStatus.Scheduled } current || current.SendAt > now)
        {
            return false;
        }

        return set.Update(current with { Status = BroadcastStatus.Sending, StartedAt = now });
    }

    /// <summary>Queues one chunk of the audience and moves the cursor, in one transaction; true when nothing is left to expand.</summary>
    private bool ExpandChunk(IDocumentStore s, string id)
    {
        var set = s.Set<Broadcast>();
        if (set.Get(id) is not { Status: BroadcastStatus.Sending, ExpandedAt: null } current)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var chunk = Math.Max(1, options.ExpansionChunk);
        var page = recipients.Page(s, current.Audience, current.StartedAt ?? now, now, current.MembersExpanded, chunk, out var looked);
        var queued = 0;
        var topic = Broadcast.TopicOf(id);
        foreach (var (member, identity) in page)
        {
            var message = BroadcastMessages.For(current, member.Language);
            var key = $"broadcast:{id}:{identity.Id}";
            var recorded = channels.CanSend(identity.Channel)
                ? outbox.Enqueue(s, identity, message, key, topic, bulk: true)
                : outbox.RecordSkipped(s, identity, message, key, NoSender(identity.Channel), topic, bulk: true);
            if (recorded)
            {
                queued++;
            }
        }

        var done = looked < chunk;
        set.Update(current with
        {
            MembersExpanded = current.MembersExpanded + looked,
            Queued = current.Queued + queued,
            ExpandedAt = done ? now : null,
        });
        if (done)
        {
            // In the same transaction as the last recipients: the manager's first progress message ("0 of N") is queued
            // before the sender can deliver anything, and a campaign with nothing to send finishes at once.
            FinishOrReport(s, id);
        }

        return done;
    }

    /// <summary>Skips the campaign's deliveries still waiting for a channel that has no sender in this process.</summary>
    private int SkipStranded(IDocumentStore s, string id)
    {
        var topic = Broadcast.TopicOf(id);
        var messages = s.Set<OutboxMessage>();
        var skipped = 0;
        foreach (var pending in messages.Find(m => m.Topic == topic && m.Status == OutboxStatus.Pending))
        {
            if (!channels.CanSend(pending.Channel))
            {
                messages.Update(pending with { Status = OutboxStatus.Skipped, LastError = NoSender(pending.Channel) });
                skipped++;
            }
        }

        return skipped;
    }

    private static string NoSender(string channel) => $"no sender for the {channel} channel in the process that sends campaigns";

    /// <summary>Finishes an expanded campaign with nothing pending (with the final report), else refreshes the manager's progress.</summary>
    private bool FinishOrReport(IDocumentStore s, string id)
    {
        var set = s.Set<Broadcast>();
        if (set.Get(id) is not { Status: BroadcastStatus.Sending, ExpandedAt: not null } current)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var counts = BroadcastQueries.Counts(s, id);
        if (counts.Queued == 0)
        {
            var finished = current with { Status = BroadcastStatus.Finished, FinishedAt = now };
            set.Update(finished);
            campaigns.Report(s, finished);
            return true;
        }

        if (current.ReportTo is null
            || (current.ProgressAt is { } last && now - last < TimeSpan.FromSeconds(options.ProgressSeconds))
            || (current.ProgressMessages > 0 && counts.Handled == current.ProgressShown)
            || s.Set<ChatIdentity>().Get(current.ReportTo) is not { } manager)
        {
            return false;
        }

        // The first progress message is sent; later ones edit it once the channel told us its id.
        string? replace = null;
        var progress = s.Set<OutboxMessage>();
        if (current.ProgressMessages > 0)
        {
            var first = progress.FindOne(m => m.DedupKey == ProgressKey(id, 1));
            var latest = progress.FindOne(m => m.DedupKey == ProgressKey(id, current.ProgressMessages));
            if (first?.ChannelMessageId is null || latest is null || latest.Status is OutboxStatus.Pending or OutboxStatus.Sending)
            {
                return false;
            }

            replace = first.ChannelMessageId;
        }

        var language = manager.MemberId is { } memberId ? s.Set<Member>().Get(memberId)?.Language : manager.Language;
        var number = current.ProgressMessages + 1;
        outbox.Enqueue(s, manager, BroadcastMessages.Progress(Texts.For(language), counts, current.Queued, replace), ProgressKey(id, number), Broadcast.ReportTopicOf(id));
        set.Update(current with { ProgressMessages = number, ProgressShown = counts.Handled, ProgressAt = now });
        return false;
    }

    private static string ProgressKey(string id, int number) => $"broadcast-progress:{id}:{number}";
}
