namespace LoyaltyBot.Bot.Delivery;

/// <summary>
/// Spaces sends on one channel: evenly under the overall rate (so no one-second window ever holds more
/// than the limit), at least the per-chat interval between two sends to one chat, and not at all while
/// the channel asked us to back off (429).
/// </summary>
internal sealed class ChannelPacer(ChannelLimits limits, TimeProvider time)
{
    // A little slack so clock jitter between us and the channel never puts limit+1 sends in its window.
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / limits.MessagesPerSecond * 1.03);
    private readonly TimeSpan _perChat = limits.MinIntervalPerChat + TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ChannelLimits Limits => limits;

    /// <summary>When the channel as a whole may take the next message.</summary>
    public DateTimeOffset NextSlot => _next > _pausedUntil ? _next : _pausedUntil;

    public bool ChatReady(string chat) => !_chatNext.TryGetValue(chat, out var next) || next <= time.GetUtcNow();

    /// <summary>Books a send to <paramref name="chat"/> now; call only when <see cref="NextSlot"/> has passed and the chat is ready.</summary>
    public void Book(string chat)
    {
        var now = time.GetUtcNow();
        _next = (_next > now ? _next : now) + _spacing;
        _chatNext[chat] = now + _perChat;
        if (_chatNext.Count > 10_000)
        {
            foreach (var stale in _chatNext.Where(p => p.Value < now).Select(p => p.Key).ToArray())
            {
                _chatNext.Remove(stale);
            }
        }
    }

    public void PauseFor(TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }
}
