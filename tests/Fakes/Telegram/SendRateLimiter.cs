using System.Diagnostics;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// Sliding-window flood control like Telegram's: at most <c>globalPerSecond</c> sends across all chats in any
/// trailing second, and at most <c>perChatPerSecond</c> sends to one chat (a rate below 1 means one send per
/// 1/rate seconds, e.g. 20 per minute for groups = 1/3). Not thread-safe: the caller serialises access.
/// </summary>
internal sealed class SendRateLimiter
{
    private readonly int _globalLimit;
    private readonly long _globalWindow;
    private readonly int _perChatLimit;
    private readonly long _perChatWindow;
    private readonly Queue<long> _global = new();
    private readonly Dictionary<long, Queue<long>> _perChat = [];

    public SendRateLimiter(int globalPerSecond, double perChatPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(globalPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perChatPerSecond, 0);
        _globalLimit = globalPerSecond;
        _globalWindow = Stopwatch.Frequency;
        if (perChatPerSecond >= 1)
        {
            _perChatLimit = (int)Math.Floor(perChatPerSecond);
            _perChatWindow = Stopwatch.Frequency;
        }
        else
        {
            _perChatLimit = 1;
            _perChatWindow = (long)(Stopwatch.Frequency / perChatPerSecond);
        }
    }

    /// <summary>Takes a slot for a send to <paramref name="chatId"/>, or returns false if that would exceed a limit.</summary>
    public bool TryAcquire(long chatId)
    {
        var now = Stopwatch.GetTimestamp();
        Prune(_global, now - _globalWindow);
        if (!_perChat.TryGetValue(chatId, out var chat))
            _perChat[chatId] = chat = new Queue<long>();
        Prune(chat, now - _perChatWindow);

        if (_global.Count >= _globalLimit || chat.Count >= _perChatLimit)
            return false;

        _global.Enqueue(now);
        chat.Enqueue(now);
        return true;
    }

    private static void Prune(Queue<long> sends, long windowStart)
    {
        while (sends.TryPeek(out var oldest) && oldest <= windowStart)
            sends.Dequeue();
    }
}
