using System.Collections.Concurrent;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Teams announces one installation twice (conversationUpdate and installationUpdate): this remembers the
/// conversations greeted in the last minutes so each gets one welcome. Memory is enough — a restart in between
/// costs at most a second greeting.
/// </summary>
internal sealed class RecentWelcomes(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _greeted = new(StringComparer.Ordinal);

    /// <summary>True for the first call per conversation within the window.</summary>
    public bool TryClaim(string conversationId)
    {
        var now = time.GetUtcNow();
        if (_greeted.Count > 1_000)
        {
            foreach (var stale in _greeted.Where(p => now - p.Value > Window).Select(p => p.Key).ToArray())
            {
                _greeted.TryRemove(stale, out _);
            }
        }

        var claimed = false;
        _greeted.AddOrUpdate(
            conversationId,
            _ => { claimed = true; return now; },
            (_, at) => { claimed = now - at > Window; return claimed ? now : at; });
        return claimed;
    }
}
