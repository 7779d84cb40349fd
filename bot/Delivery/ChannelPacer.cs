namespace LoyaltyBot.Bot.Delivery;

/// <summary>
/// Plans the starts of sends on one channel: one start slot every <see cref="Spacing"/> (one message per second under the
/// channel's overall limit), never more than the limit minus one real starts in any second (so jitter on the way has one
/// message of room before the channel's one-second window overflows; on a very busy machine it sometimes needs more), at least the per-chat interval between two sends to one chat, and none while the channel
/// asked us to back off (429). Sends themselves overlap: only their starts are planned, so the rate does not depend on how
/// long a send or the bookkeeping around it takes, and a send that woke up late does not push all later ones back (the
/// slots stay on their grid, catching up at most <see cref="MaxCatchUp"/>).
/// </summary>
internal sealed class ChannelPacer
{
    /// <summary>
    /// How far under the channel's limit the slots are spaced (messages per second): 29/s for Telegram's 30/s, the same
    /// as the cap of real starts in any second, so the cap rarely has to hold a start back and starts stay evenly spaced
    /// (an uneven pair is where jitter on the way could put one too many into the channel's window).
    /// </summary>
    public const double SafetyMargin = 1;

    /// <summary>How far behind the grid a start may be planned (after a pause or an idle spell the grid restarts near now).</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _perChat;
    private readonly int _windowCap;
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _planned = new();
    private readonly Queue<DateTimeOffset> _started = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _slot = DateTimeOffset.MinValue;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ChannelPacer(ChannelLimits limits, TimeProvider time)
    {
        Limits = limits;
        _time = time;
        var rate = Math.Max(limits.MessagesPerSecond - SafetyMargin, limits.MessagesPerSecond * 0.5);
        Spacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / rate));
        _windowCap = Math.Max(1, limits.MessagesPerSecond - 1);
        _perChat = limits.MinIntervalPerChat + TimeSpan.FromMilliseconds(50);
    }

    public ChannelLimits Limits { get; }

    /// <summary>The time between two start slots.</summary>
    public TimeSpan Spacing { get; }

    /// <summary>The least time between two real starts (a late one and the next may come closer than a slot, not closer than this).</summary>
    public TimeSpan MinGap => Spacing * 0.9;

    /// <summary>Until when the channel asked us to send nothing (in the past when it did not).</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    public bool ChatReady(string chat)
    {
        lock (_gate)
        {
            return !_chatNext.TryGetValue(chat, out var next) || next <= _time.GetUtcNow();
        }
    }

    /// <summary>Takes the next start slot for a send to <paramref name="chat"/> and waits for it: returns when the send may start.</summary>
    public async Task WaitForTurnAsync(string chat, CancellationToken cancellationToken)
    {
        var start = Reserve(chat);
        while (true)
        {
            var wait = start - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            // The start as it really happens is checked again: a late wake-up must not crowd the real starts before it
            // (it waits a little, keeping its slot), and a 429 that arrived meanwhile moves it after the pause.
            if (TryStart() is not { } later)
            {
                return;
            }

            start = later;
        }
    }

    public void PauseFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + delay;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>
    /// Records a start now and returns null if the real starts allow it: no pause, at least <see cref="MinGap"/> after the
    /// previous one and fewer than the cap in the last second; otherwise returns when they will.
    /// </summary>
    private DateTimeOffset? TryStart()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var allowed = Later(_pausedUntil, _lastStart + MinGap);
            if (_started.Count >= _windowCap)
            {
                allowed = Later(allowed, _started.Peek() + Window);
            }

            if (allowed > now)
            {
                return allowed;
            }

            _lastStart = now;
            _started.Enqueue(now);
            while (_started.Count > _windowCap)
            {
                _started.Dequeue();
            }

            return null;
        }
    }

    /// <summary>The start time planned for a send to <paramref name="chat"/> (in the past: start now).</summary>
    private DateTimeOffset Reserve(string chat)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var start = Later(_slot, now - MaxCatchUp);
            start = Later(start, _pausedUntil);
            if (_chatNext.TryGetValue(chat, out var chatNext))
            {
                start = Later(start, chatNext);
            }

            // Planned starts only ever move forward, so the cap-th latest one tells whether this one would be one too many in a second.
            if (_planned.Count >= _windowCap)
            {
                start = Later(start, _planned.Peek() + Window);
            }

            _planned.Enqueue(start);
            while (_planned.Count > _windowCap)
            {
                _planned.Dequeue();
            }

            _slot = start + Spacing;
            _chatNext[chat] = start + _perChat;
            Prune(now);
            return start;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Prune(DateTimeOffset now)
    {
        if (_chatNext.Count > 10_000)
        {
            foreach (var stale in _chatNext.Where(p => p.Value < now).Select(p => p.Key).ToArray())
            {
                _chatNext.Remove(stale);
            }
        }
    }
}
