using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Delivery;

/// <summary>
/// Delivers the outbox, oldest first, per channel within its limits. Each message is marked Sending
/// (durably) before it is handed to the channel and its outcome recorded after, so a killed process
/// resumes where it stopped: messages that were in flight become Unknown and are not resent.
/// Only messages for channels with a sender in this process are read: the others wait in the outbox without holding
/// up the rest (campaigns count theirs as skipped, see <c>BroadcastDispatch</c>).
/// </summary>
/// <remarks>
/// A pipeline, so neither the store's commit latency nor the channel's answer time lowers the rate: a few messages
/// per channel are marked ahead (as many as cover the recent marking time), each then waits for its start slot from
/// the channel's <see cref="ChannelPacer"/>, and sends overlap. Only the starts are paced.
/// </remarks>
public sealed class OutboxSender : BackgroundService
{
    private readonly IDocumentStore _store;
    private readonly IStoreWriter _writer;
    private readonly ChatIdentities _identities;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    // Not a channel's answer: the message was never handed to the channel, and is recorded as cancelled.
    private static readonly DeliveryResult Unlinked = new DeliveryResult.Rejected(ChatIdentities.UnlinkedReason);
    private readonly Dictionary<string, IChannelSender> _senders;
    private readonly Dictionary<string, ChannelPacer> _pacers;
    // A List, not an array: LiteDB turns List.Contains into "ITEMS(@p) ANY = $.Channel", an array's Contains it cannot read.
    private readonly List<string> _channels;
    private readonly Dictionary<string, int> _ahead = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlightChats = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly object _gate = new();
    private readonly List<OutboxMessage> _due = [];
    private readonly System.Diagnostics.Stopwatch _dueAge = new();
    private DateTimeOffset _dueLoadedAt = DateTimeOffset.MinValue;
    private volatile bool _enqueued = true;
    // Set once pending messages for a channel without a sender were seen: from then on the due list is read for our channels only.
    private bool _filterByChannel;
    private DateTimeOffset _strandedCheckedAt = DateTimeOffset.MinValue;
    private int _inFlight;
    private double _markMilliseconds = 20;

    public OutboxSender(
        IDocumentStore store,
        IStoreWriter writer,
        ChatIdentities identities,
        DeliveryOutbox outbox,
        IEnumerable<IChannelSender> senders,
        OutboxOptions options,
        TimeProvider time,
        ILogger<OutboxSender> logger)
    {
        _store = store;
        _writer = writer;
        _identities = identities;
        _options = options;
        _time = time;
        _logger = logger;
        _senders = senders.Where(s => s.IsAvailable).ToDictionary(s => s.Channel, StringComparer.Ordinal);
        _pacers = _senders.ToDictionary(p => p.Key, p => new ChannelPacer(p.Value.Limits, time), StringComparer.Ordinal);
        _channels = [.. _senders.Keys.Order(StringComparer.Ordinal)];
        outbox.Enqueued += () =>
        {
            _enqueued = true;
            Wake();
        };
    }

    /// <summary>Looks for due messages now instead of at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverInFlightAsync(stoppingToken);
        ReportWaiting();
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SkipLongStrandedAsync(stoppingToken);
                var delay = await DispatchDueAsync(running, stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                await _wake.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "The outbox sender loop failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
            }
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// At most hourly, once messages for channels without a sender were seen: those that waited longer than
    /// <see cref="OutboxOptions.NoSenderKeepHours"/> are recorded as skipped, so they stop weighing on every read of the due list.
    /// </summary>
    private async Task SkipLongStrandedAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!_filterByChannel || now - _strandedCheckedAt < TimeSpan.FromHours(1))
        {
            return;
        }

        _strandedCheckedAt = now;
        var hours = _options.NoSenderKeepHours;
        var cutoff = now.AddHours(-hours);
        var channels = _channels;
        const int chunk = 500;
        int skipped, total = 0;
        do
        {
            skipped = await _writer.WriteAsync(s =>
            {
                var set = s.Set<OutboxMessage>();
                var old = set.Find(m => m.Status == OutboxStatus.Pending && !channels.Contains(m.Channel) && m.CreatedAt < cutoff, limit: chunk);
                foreach (var message in old)
                {
                    set.Update(message with { Status = OutboxStatus.Skipped, LastError = $"waited {hours} hours for a sender for the {message.Channel} channel" });
                }

                return old.Count;
            }, cancellationToken);
            total += skipped;
        }
        while (skipped == chunk);

        if (total > 0)
        {
            _logger.LogWarning("{Count} outbox messages waited over {Hours} hours for a channel without a sender here; recorded as skipped", total, hours);
        }
    }

    /// <summary>Messages marked Sending belong to a process that died mid-send: record them as Unknown.</summary>
    private async Task RecoverInFlightAsync(CancellationToken cancellationToken)
    {
        var count = await _writer.WriteAsync(s =>
        {
            var set = s.Set<OutboxMessage>();
            var stuck = set.Find(m => m.Status == OutboxStatus.Sending);
            foreach (var message in stuck)
            {
                set.Update(message with { Status = OutboxStatus.Unknown, LastError = "in flight when the process stopped" });
            }

            return stuck.Count;
        }, cancellationToken);
        if (count > 0)
        {
            _logger.LogWarning("{Count} outbox messages were in flight when the process stopped; recorded as unknown, not resent", count);
        }
    }

    /// <summary>Says once, at start, which pending messages wait for a channel that has no sender in this process.</summary>
    private void ReportWaiting()
    {
        try
        {
            var channels = _channels;
            var waiting = _store.Set<OutboxMessage>().Find(m => m.Status == OutboxStatus.Pending && !channels.Contains(m.Channel))
                .GroupBy(m => m.Channel)
                .Select(g => $"{g.Key}: {g.Count()}")
                .ToArray();
            if (waiting.Length > 0)
            {
                _filterByChannel = true;
                _logger.LogWarning(
                    "Outbox messages wait for channels without a sender in this process ({Waiting}); they stay pending and go out once the channel is configured",
                    string.Join(", ", waiting));
            }
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Could not count the outbox messages waiting for channels without a sender");
        }
    }

    /// <summary>Starts every send that is due and allowed now; returns how long to wait before looking again.</summary>
    private async Task<TimeSpan> DispatchDueAsync(List<Task> running, CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromMilliseconds(_options.PollMilliseconds);
        if (_channels.Count == 0)
        {
            return poll;
        }

        var now = _time.GetUtcNow();
        // The due list is read once and dispatched from over several turns: re-reading it for every message costs more
        // than the channel's whole send budget once a broadcast has queued thousands. It is read again when something
        // was enqueued, when it ran out, or after a second (retries and back-offs coming due).
        if (_enqueued || _due.Count == 0 || now - _dueLoadedAt >= TimeSpan.FromSeconds(1) || _dueAge.Elapsed >= TimeSpan.FromSeconds(1))
        {
            _enqueued = false;
            _dueLoadedAt = now;
            _dueAge.Restart();
            LoadDue(now);
            if (!_filterByChannel && _due.Any(m => !_senders.ContainsKey(m.Channel)))
            {
                _filterByChannel = true;
                LoadDue(now);
            }
        }

        var due = _due.ToArray();
        var wait = poll;
        var chosen = new List<OutboxMessage>();
        lock (_gate)
        {
            var seenChats = new HashSet<string>(StringComparer.Ordinal);
            foreach (var message in due)
            {
                if (!_senders.TryGetValue(message.Channel, out var sender))
                {
                    continue;
                }

                var pacer = _pacers[message.Channel];
                if (!seenChats.Add(message.IdentityId) || _inFlightChats.Contains(message.IdentityId) || !pacer.ChatReady(message.IdentityId))
                {
                    continue;
                }

                if (_inFlight >= sender.Limits.MaxConcurrency)
                {
                    break;
                }

                // Nothing is marked while the channel asked us to back off, nor more ahead of the pacer than covers the
                // marking time: a message marked but not yet sent would be recorded as unknown after a crash.
                var paused = pacer.PausedUntil - _time.GetUtcNow();
                if (paused > TimeSpan.Zero)
                {
                    wait = paused < wait ? paused : wait;
                    continue;
                }

                if (_ahead.GetValueOrDefault(message.Channel) >= AheadLimit(pacer))
                {
                    continue;
                }

                _ahead[message.Channel] = _ahead.GetValueOrDefault(message.Channel) + 1;
                _inFlightChats.Add(message.IdentityId);
                _inFlight++;
                chosen.Add(message);
            }

            _due.RemoveAll(chosen.Contains);
        }

        if (chosen.Count == 0)
        {
            return wait;
        }

        var ids = chosen.Select(m => m.Id).ToArray();
        var marking = System.Diagnostics.Stopwatch.StartNew();
        var marked = _writer.WriteAsync(s =>
        {
            var set = s.Set<OutboxMessage>();
            var pending = new HashSet<long>();
            foreach (var id in ids)
            {
                if (set.Get(id) is { Status: OutboxStatus.Pending } current)
                {
                    set.Update(current with { Status = OutboxStatus.Sending });
                    pending.Add(id);
                }
            }

            return pending;
        }, cancellationToken);
        _ = marked.ContinueWith(
            _ =>
            {
                lock (_gate)
                {
                    _markMilliseconds = 0.8 * _markMilliseconds + 0.2 * marking.Elapsed.TotalMilliseconds;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        // Each message is durably Sending before it is handed to the channel; on a failed mark each send below
        // releases its chat and the message stays pending.
        foreach (var message in chosen)
        {
            running.Add(SendWhenMarkedAsync(message, marked, cancellationToken));
        }

        return TimeSpan.Zero;
    }

    /// <summary>
    /// Reads the oldest due messages: personal first, then bulk (broadcasts), so a big campaign never delays a reply-like
    /// notification. Once messages for a channel without a sender (the terminal's in the API, Teams' with Teams off) were
    /// seen, only our channels are read: those would stay at the head of these oldest-first pages and starve every channel
    /// behind them. Both queries seek the Status index and sort the pending documents by id; the channel is one more filter
    /// on the documents they read anyway (a few per cent per read, so it is left out while it would change nothing).
    /// </summary>
    private void LoadDue(DateTimeOffset now)
    {
        var outbox = _store.Set<OutboxMessage>();
        _due.Clear();
        if (_filterByChannel)
        {
            var channels = _channels;
            _due.AddRange(outbox.FindOrdered(
                m => m.Status == OutboxStatus.Pending && !m.Bulk && m.NotBefore <= now && channels.Contains(m.Channel), m => m.Id, descending: false, limit: 100));
            _due.AddRange(outbox.FindOrdered(
                m => m.Status == OutboxStatus.Pending && m.Bulk && m.NotBefore <= now && channels.Contains(m.Channel), m => m.Id, descending: false, limit: 500));
            return;
        }

        _due.AddRange(outbox.FindOrdered(
            m => m.Status == OutboxStatus.Pending && !m.Bulk && m.NotBefore <= now, m => m.Id, descending: false, limit: 100));
        _due.AddRange(outbox.FindOrdered(
            m => m.Status == OutboxStatus.Pending && m.Bulk && m.NotBefore <= now, m => m.Id, descending: false, limit: 500));
    }

    /// <summary>How many messages of the channel may be marked and waiting for their start: enough to cover the recent marking time.</summary>
    private int AheadLimit(ChannelPacer pacer)
    {
        var lead = Math.Clamp(1.5 * _markMilliseconds + 20, 50, 500);
        var limit = (int)Math.Ceiling(lead / pacer.Spacing.TotalMilliseconds);
        return Math.Min(Math.Max(2, limit), pacer.Limits.MaxConcurrency);
    }

    private async Task SendWhenMarkedAsync(OutboxMessage message, Task<HashSet<long>> marking, CancellationToken cancellationToken)
    {
        bool marked;
        try
        {
            marked = (await marking).Contains(message.Id);
        }
        catch (Exception exception)
        {
            if (exception is not OperationCanceledException)
            {
                _logger.LogWarning(exception, "Marking outbox message {Id} as sending failed; it stays pending", message.Id);
            }

            marked = false;
        }

        var started = false;
        try
        {
            if (marked)
            {
                await _pacers[message.Channel].WaitForTurnAsync(message.IdentityId, cancellationToken);
                started = true;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping before it was handed to the channel: it was not sent, so it may go at the next start.
            try
            {
                await _writer.WriteAsync(
                    s => s.Set<OutboxMessage>().Get(message.Id) is { Status: OutboxStatus.Sending } current
                        && s.Set<OutboxMessage>().Update(current with { Status = OutboxStatus.Pending }),
                    CancellationToken.None);
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Outbox message {Id} stays marked as sending (it will be recorded as unknown)", message.Id);
            }
        }
        finally
        {
            lock (_gate)
            {
                _ahead[message.Channel]--;
            }

            Wake();
        }

        if (started)
        {
            await SendOneAsync(message, cancellationToken);
            return;
        }

        // Changed meanwhile (cancelled, or taken by an earlier turn), the mark failed or we are stopping: not sent now.
        lock (_gate)
        {
            _inFlightChats.Remove(message.IdentityId);
            _inFlight--;
        }
    }

    private async Task SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            var identity = _identities.Get(message.IdentityId);
            result = identity is null
                ? new DeliveryResult.Rejected("the chat identity no longer exists")
                : message.MemberId is not null && identity.MemberId != message.MemberId
                    // Unlinked (or linked to someone else) after this message was marked: it must not reach that chat.
                    ? Unlinked
                    : await _senders[message.Channel].SendAsync(identity, message.ToChatMessage(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(exception, "Sending outbox message {Id} failed", message.Id);
            result = new DeliveryResult.Transient(exception.GetType().Name);
        }

        try
        {
            await RecordAsync(message, result);
        }
        finally
        {
            lock (_gate)
            {
                _inFlightChats.Remove(message.IdentityId);
                _inFlight--;
            }

            Wake();
        }
    }

    private Task RecordAsync(OutboxMessage message, DeliveryResult result)
    {
        var now = _time.GetUtcNow();
        if (result is DeliveryResult.RetryAfter retry)
        {
            lock (_gate)
            {
                _pacers[message.Channel].PauseFor(retry.Delay);
            }
        }

        return _writer.WriteAsync(s =>
        {
            var set = s.Set<OutboxMessage>();
            var current = set.Get(message.Id);
            if (current is null)
            {
                return false;
            }

            var attempts = current.Attempts + (result is DeliveryResult.Transient ? 1 : 0);
            var updated = result switch
            {
                _ when ReferenceEquals(result, Unlinked) => current with { Status = OutboxStatus.Cancelled, LastError = ChatIdentities.UnlinkedReason },
                DeliveryResult.Sent sent => current with { Status = OutboxStatus.Sent, SentAt = now, ChannelMessageId = sent.MessageId, LastError = null },
                DeliveryResult.RetryAfter retryAfter => current with { Status = OutboxStatus.Pending, NotBefore = now + retryAfter.Delay, LastError = "429" },
                DeliveryResult.Blocked blocked => current with { Status = OutboxStatus.Blocked, LastError = blocked.Reason },
                DeliveryResult.Rejected rejected => current with { Status = OutboxStatus.Failed, LastError = rejected.Reason },
                DeliveryResult.Transient transient when attempts >= _options.MaxAttempts =>
                    current with { Status = OutboxStatus.Failed, Attempts = attempts, LastError = transient.Reason },
                DeliveryResult.Transient transient =>
                    current with { Status = OutboxStatus.Pending, Attempts = attempts, NotBefore = now + Backoff(attempts), LastError = transient.Reason },
                _ => current with { Status = OutboxStatus.Failed, LastError = "unexpected result" },
            };
            set.Update(updated);
            if (result is DeliveryResult.Blocked)
            {
                _identities.MarkUnreachable(s, message.IdentityId);
            }

            return true;
        }, CancellationToken.None);
    }

    /// <summary>2, 4, 8 … seconds (capped at 5 minutes) with ±20 % jitter.</summary>
    private static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(300, Math.Pow(2, attempts));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
