using System.Diagnostics;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// Sliding-window flood control like Telegram's: at most <c>globalPerSecond</c> sends across all chats in any
/// one-second window, and at most <c>perChatPerSecond</c> sends to one chat (a rate below 1 means one send per
/// 1/rate seconds, e.g. 20 per minute for groups = 1/3). Sends are counted by when they arrived, so a request the fake
/// got round to late still counts at its arrival, and every window that the new send would fall in is checked (requests
/// may be handled out of arrival order). Not thread-safe: the caller serialises access.
/// </summary>
internal sealed class SendRateLimiter
{
    private readonly int _globalLimit;
    private readonly long _globalWindow;
    private readonly int _perChatLimit;
    private readonly long _perChatWindow;
    private readonly List<long> _global = [];
    private readonly Dictionary<long, List<long>> _perChat = [];

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

    /// <summary>
    /// Takes a slot for a send to <paramref name="chatId"/> that arrived at <paramref name="arrivedAt"/> (a
    /// <see cref="Stopwatch"/> timestamp taken when the request reached the fake), or returns false if that would put
    /// more than a limit into some window.
    /// </summary>
    public bool TryAcquire(long chatId, long arrivedAt)
    {
        Prune(_global, arrivedAt - 2 * _globalWindow);
        if (!_perChat.TryGetValue(chatId, out var chat))
            _perChat[chatId] = chat = [];
        Prune(chat, arrivedAt - 2 * _perChatWindow);

        if (!Fits(_global, arrivedAt, _globalWindow, _globalLimit) || !Fits(chat, arrivedAt, _perChatWindow, _perChatLimit))
            return false;

        Insert(_global, arrivedAt);
        Insert(chat, arrivedAt);
        return true;
    }

    /// <summary>Whether every window of length <paramref name="window"/> holding <paramref name="at"/> keeps within the limit with it.</summary>
    private static bool Fits(List<long> sends, long at, long window, int limit)
    {
        // The fullest such window starts at a send (or at the new one) in (at - window, at].
        foreach (var start in sends.Where(t => t > at - window && t <= at).Append(at))
        {
            var count = 1 + sends.Count(t => t >= start && t < start + window);
            if (count > limit)
                return false;
        }

        return true;
    }

    private static void Insert(List<long> sends, long at)
    {
        var index = sends.BinarySearch(at);
        sends.Insert(index < 0 ? ~index : index, at);
    }

    private static void Prune(List<long> sends, long before)
    {
        var stale = 0;
        while (stale < sends.Count && sends[stale] < before)
            stale++;
        sends.RemoveRange(0, stale);
    }
}
