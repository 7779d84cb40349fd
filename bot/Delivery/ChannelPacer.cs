namespace LoyaltyBot.Bot.Delivery;

/// <summary>
/// Paces the starts of sends on one channel: consecutive starts at least <see cref="Spacing"/> apart (a little under the
/// channel's overall limit, so no one-second window on the channel's side ever holds more than the limit, even with some
/// jitter on the way), at least the per-chat interval between two sends to one chat, and none while the channel asked us
/// to back off (429). Sends themselves may overlap: only their starts are spaced, so the rate does not depend on how long
/// a send or the bookkeeping around it takes.
/// </summary>
internal sealed class ChannelPacer
{
    /// <summary>How far under the channel's limit we stay (messages per second), e.g. 29.5/s for Telegram's 30/s.</summary>
    public const double SafetyMargin = 0.5;

    private readonly TimeProvider _time;
    private readonly TimeSpan _perChat;
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ChannelPacer(ChannelLimits limits, TimeProvider time)
    {
        Limits = limits;
        _time = time;
        var rate = Math.Max(limits.MessagesPerSecond - SafetyMargin, limits.MessagesPerSecond * 0.5);
        Spacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / rate));
        _perChat = limits.MinIntervalPerChat + TimeSpan.FromMilliseconds(50);
    }

    public ChannelLimits Limits { get; }

    /// <summary>The least time between two starts.</summary>
    public TimeSpan Spacing { get; }

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

    /// <summary>
    /// Waits for the channel's next start slot and takes it for a send to <paramref name="chat"/>: returns when the send may
    /// start now. One caller waits at a time, so starts never bunch up, whatever order the callers arrive in.
    /// </summary>
    public async Task WaitForTurnAsync(string chat, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _time.GetUtcNow();
                    var earliest = _lastStart == DateTimeOffset.MinValue ? now : _lastStart + Spacing;
                    if (_pausedUntil > earliest)
                    {
                        earliest = _pausedUntil;
                    }

                    if (_chatNext.TryGetValue(chat, out var chatNext) && chatNext > earliest)
                    {
                        earliest = chatNext;
                    }

                    wait = earliest - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        _lastStart = now;
                        _chatNext[chat] = now + _perChat;
                        Prune(now);
                        return;
                    }
                }

                // Measured again after the wait: a 429 meanwhile moves the slot on, and a late wake-up starts at once.
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
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
