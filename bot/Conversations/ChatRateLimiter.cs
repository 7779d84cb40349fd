using System.Collections.Concurrent;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// A fixed one-minute window of messages per chat identity, on the injected <see cref="TimeProvider"/> (the
/// System.Threading.RateLimiting limiters run on their own clock, so tests could not move it). The first message
/// over the limit in a window is told to slow down; the rest of that window is ignored.
/// </summary>
public sealed class ChatRateLimiter(ChatRateLimitOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public ChatRateVerdict Check(string identityId)
    {
        if (options.MessagesPerMinute <= 0)
        {
            return ChatRateVerdict.Allowed;
        }

        var now = time.GetUtcNow();
        Sweep(now);
        var counter = _counters.GetOrAdd(identityId, _ => new Counter());
        lock (counter)
        {
            if (now - counter.WindowStart >= Window || now < counter.WindowStart)
            {
                counter.WindowStart = now;
                counter.Count = 0;
            }

            counter.Count++;
            if (counter.Count <= options.MessagesPerMinute)
            {
                return ChatRateVerdict.Allowed;
            }

            return counter.Count == options.MessagesPerMinute + 1 ? ChatRateVerdict.SlowDown : ChatRateVerdict.Ignore;
        }
    }

    /// <summary>Forgets identities whose window has passed, at most once a minute, so the map does not grow forever.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < Window.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, counter) in _counters)
        {
            bool stale;
            lock (counter)
            {
                stale = now - counter.WindowStart >= Window;
            }

            if (stale)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(id, counter));
            }
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }
    }
}
