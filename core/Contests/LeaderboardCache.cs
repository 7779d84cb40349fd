using System.Collections.Concurrent;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Sorted standings per contest, in memory, so <c>/top</c> costs a few lookups instead of reading and sorting every
/// score. A score change marks its member as pending (inside the write operation, before the commit); the next
/// reader re-reads only the pending members' committed scores and re-sorts. A mark is cleared only once the store
/// shows the change (its <see cref="ContestScore.Sequence"/>), so a change still being committed is picked up by a
/// later read, never lost; a change whose transaction was rolled back leaves a mark that costs one lookup per read
/// until the member's next change.
/// </summary>
public sealed class LeaderboardCache(IDocumentStore store)
{
    private readonly ConcurrentDictionary<string, Board> _boards = new(StringComparer.Ordinal);

    /// <summary>The current standings (committed scores).</summary>
    public Leaderboard Of(string contestId) => BoardOf(contestId).Current(store);

    /// <summary>Inside the write operation that changed the member's score.</summary>
    internal void Touched(string contestId, string memberId, long sequence) => BoardOf(contestId).MarkPending(memberId, sequence);

    private Board BoardOf(string contestId) => _boards.GetOrAdd(contestId, static id => new Board(id));

    private sealed class Board(string contestId)
    {
        private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ContestScore> _scores = new(StringComparer.Ordinal);
        private readonly List<ContestScore> _ordered = [];
        private readonly Lock _lock = new();
        private volatile Leaderboard? _current;

        public void MarkPending(string memberId, long sequence) =>
            _pending.AddOrUpdate(memberId, sequence, (_, seen) => Math.Max(seen, sequence));

        public Leaderboard Current(IDocumentStore store)
        {
            var current = _current;
            if (current is not null && _pending.IsEmpty)
            {
                return current;
            }

            lock (_lock)
            {
                var scores = store.Set<ContestScore>();
                var changed = _current is null;
                if (_current is null)
                {
                    foreach (var score in scores.Find(s => s.ContestId == contestId))
                    {
                        _scores[score.MemberId] = score;
                    }

                    _ordered.AddRange(_scores.Values.Where(s => s.Score > 0));
                    _ordered.Sort(Leaderboard.Order);
                }

                foreach (var (memberId, expected) in _pending)
                {
                    var score = scores.Get(ContestScore.KeyOf(contestId, memberId));
                    if (score is null)
                    {
                        continue;
                    }

                    if (!_scores.TryGetValue(memberId, out var known) || score.Sequence > known.Sequence)
                    {
                        Move(known, score);
                        changed = true;
                    }

                    if (score.Sequence >= expected)
                    {
                        _pending.TryRemove(new KeyValuePair<string, long>(memberId, expected));
                    }
                }

                if (changed)
                {
                    _current = new Leaderboard(contestId, [.. _ordered]);
                }

                return _current!;
            }
        }

        /// <summary>Takes the member's old score out of the order and puts the new one in its place: O(log n) to find, one array shift.</summary>
        private void Move(ContestScore? old, ContestScore score)
        {
            if (old is { Score: > 0 })
            {
                var at = _ordered.BinarySearch(old, Leaderboard.Order);
                if (at >= 0)
                {
                    _ordered.RemoveAt(at);
                }
            }

            _scores[score.MemberId] = score;
            if (score.Score > 0)
            {
                var at = _ordered.BinarySearch(score, Leaderboard.Order);
                _ordered.Insert(at < 0 ? ~at : at, score);
            }
        }
    }
}
