using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Queues one personal message per member through the delivery outbox, a chunk of members per write operation so
/// the writer is never held for long. Dedup keys are <c>contest:{id}:{kind}:{memberId}</c>, so running it again
/// (after a restart mid-way, or a second trigger) queues only what is missing.
/// </summary>
public sealed class ContestNotifier(IStoreWriter writer, DeliveryOutbox outbox, ContestOptions options)
{
    /// <summary>
    /// Queues <paramref name="composeFor"/>'s message for each member; <paramref name="composeFor"/> runs outside the
    /// writer (it may read), the message is written inside it. Stops before a chunk when <paramref name="stillWanted"/>
    /// no longer holds for the stored contest. Returns the messages queued.
    /// </summary>
    public async Task<int> QueueAsync(
        string contestId,
        IReadOnlyList<string> memberIds,
        string kind,
        Func<string, Func<Texts, ChatMessage>> composeFor,
        Func<Contest, bool> stillWanted,
        CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var chunk in memberIds.Chunk(Math.Max(1, options.ChunkSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var composers = chunk.Select(memberId => (MemberId: memberId, Compose: composeFor(memberId))).ToArray();
            var count = await writer.WriteAsync(store =>
            {
                var contest = store.Set<Contest>().Get(contestId);
                if (contest is null || !stillWanted(contest))
                {
                    return -1;
                }

                var n = 0;
                foreach (var (memberId, compose) in composers)
                {
                    n += outbox.EnqueueForMember(store, memberId, compose, DedupKey(contestId, kind, memberId), Topic(contestId));
                }

                return n;
            }, cancellationToken);
            if (count < 0)
            {
                break;
            }

            queued += count;
        }

        return queued;
    }

    public static string DedupKey(string contestId, string kind, string memberId) => $"contest:{contestId}:{kind}:{memberId}";

    public static string Topic(string contestId) => $"contest:{contestId}";
}
