using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// Remembers which update ids we have taken on, in the store, so a redelivered update (webhook retry, a poll
/// repeated after a crash) is ignored. An id is claimed before processing: an update that fails midway is not
/// retried, which is better than charging or greeting twice.
/// </summary>
public sealed class TelegramUpdateLog(IStoreWriter writer, TimeProvider time)
{
    /// <summary>Ids older than this are forgotten; Telegram gives up redelivering an update after 24 hours.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long _nextPruneTicks;

    /// <summary>True the first time an id is claimed; false for a duplicate.</summary>
    public Task<bool> TryClaimAsync(long updateId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nextPrune = Interlocked.Read(ref _nextPruneTicks);
        var prune = now.UtcTicks >= nextPrune
            && Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneInterval).UtcTicks, nextPrune) == nextPrune;
        return writer.WriteAsync(store =>
        {
            var set = store.Set<ProcessedTelegramUpdate>();
            if (prune)
            {
                var cutoff = now - Retention;
                foreach (var old in set.Find(u => u.ReceivedAt < cutoff, limit: 10_000))
                {
                    set.Delete(old.Id);
                }
            }

            if (set.Get(updateId) is not null)
            {
                return false;
            }

            set.Insert(new ProcessedTelegramUpdate { Id = updateId, ReceivedAt = now });
            return true;
        }, cancellationToken);
    }
}
