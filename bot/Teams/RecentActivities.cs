using System.Collections.Concurrent;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Teams delivers an activity again, with the same id, when the bot has not answered within 15 seconds — and this
/// adapter answers only after its replies are sent. This remembers the activities taken on in the last minutes so a
/// redelivery is acknowledged without running the turn twice (a second redemption, a second quiz answer). As with
/// Telegram's update log, an id is claimed before processing: a turn that fails midway is not run again. Memory is
/// enough: redeliveries come within a minute.
/// </summary>
internal sealed class RecentActivities(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Conversation, string Activity), DateTimeOffset> _claimed = new();
    private long _nextSweepTicks;

    /// <summary>True for the first call per activity (ids are unique within a conversation) within the window.</summary>
    public bool TryClaim(string conversationId, string activityId)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var claimed = false;
        _claimed.AddOrUpdate(
            (conversationId, activityId),
            _ => { claimed = true; return now; },
            (_, at) => { claimed = now - at > Window; return claimed ? now : at; });
        return claimed;
    }

    /// <summary>Forgets expired ids, at most once per window, so a busy bot does not scan on every activity.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Window).UtcTicks, next) != next)
        {
            return;
        }

        foreach (var entry in _claimed.Where(e => now - e.Value > Window).ToArray())
        {
            _claimed.TryRemove(entry);
        }
    }
}
