namespace LoyaltyBot.Core.Contests;

/// <summary>
/// A contest's standings at one moment, immutable: members with a positive score, highest first; equal scores in
/// the order they were reached (earlier first). Places are unique and count from 1.
/// </summary>
public sealed class Leaderboard
{
    /// <summary>Score descending, then reached earlier, then changed earlier (sequences are unique, so the order is total).</summary>
    public static readonly IComparer<ContestScore> Order = Comparer<ContestScore>.Create(static (a, b) =>
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTime = a.ReachedAt.CompareTo(b.ReachedAt);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    });

    private readonly ContestScore[] _ordered;
    private Dictionary<string, int>? _index;

    /// <summary><paramref name="ordered"/> must be sorted by <see cref="Order"/> and hold positive scores only.</summary>
    internal Leaderboard(string contestId, ContestScore[] ordered)
    {
        ContestId = contestId;
        _ordered = ordered;
    }

    public string ContestId { get; }

    /// <summary>Participants: members with a positive score.</summary>
    public int Count => _ordered.Length;

    public IReadOnlyList<LeaderboardRow> Rows => _ordered.Select((s, i) => Row(s, i)).ToArray();

    public LeaderboardRow? Find(string memberId)
    {
        // Built on first use: most standings are read for one member at most before they change again.
        var index = LazyInitializer.EnsureInitialized(ref _index, () =>
        {
            var map = new Dictionary<string, int>(_ordered.Length, StringComparer.Ordinal);
            for (var i = 0; i < _ordered.Length; i++)
            {
                map[_ordered[i].MemberId] = i;
            }

            return map;
        });
        return index.TryGetValue(memberId, out var at) ? Row(_ordered[at], at) : null;
    }

    public LeaderboardRow? AtPlace(int place) => place >= 1 && place <= _ordered.Length ? Row(_ordered[place - 1], place - 1) : null;

    public IReadOnlyList<LeaderboardRow> Top(int count)
    {
        var rows = new LeaderboardRow[Math.Clamp(count, 0, _ordered.Length)];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(_ordered[i], i);
        }

        return rows;
    }

    /// <summary>Orders the scores by <see cref="Order"/>, leaving out those not above zero.</summary>
    public static Leaderboard From(string contestId, IEnumerable<ContestScore> scores)
    {
        var ordered = scores.Where(s => s.Score > 0).ToArray();
        Array.Sort(ordered, Order);
        return new Leaderboard(contestId, ordered);
    }

    private static LeaderboardRow Row(ContestScore score, int index) => new(index + 1, score.MemberId, score.Score, score.ReachedAt);
}
