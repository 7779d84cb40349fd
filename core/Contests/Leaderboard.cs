namespace LoyaltyBot.Core.Contests;

/// <summary>
/// A contest's standings at one moment, immutable: members with a positive score, highest first; equal scores in
/// the order they were reached (earlier first). Places are unique and count from 1.
/// </summary>
public sealed class Leaderboard
{
    private readonly LeaderboardRow[] _rows;
    private readonly Dictionary<string, int> _index;

    private Leaderboard(string contestId, LeaderboardRow[] rows)
    {
        ContestId = contestId;
        _rows = rows;
        _index = new Dictionary<string, int>(rows.Length, StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            _index[rows[i].MemberId] = i;
        }
    }

    public string ContestId { get; }

    /// <summary>Participants: members with a positive score.</summary>
    public int Count => _rows.Length;

    public IReadOnlyList<LeaderboardRow> Rows => _rows;

    public LeaderboardRow? Find(string memberId) => _index.TryGetValue(memberId, out var i) ? _rows[i] : null;

    public LeaderboardRow? AtPlace(int place) => place >= 1 && place <= _rows.Length ? _rows[place - 1] : null;

    public IReadOnlyList<LeaderboardRow> Top(int count) => _rows.AsSpan(0, Math.Clamp(count, 0, _rows.Length)).ToArray();

    /// <summary>Orders the scores: score descending, then reached earlier, then changed earlier.</summary>
    public static Leaderboard From(string contestId, IEnumerable<ContestScore> scores)
    {
        var ordered = scores.Where(s => s.Score > 0).ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = a.ReachedAt.CompareTo(b.ReachedAt);
            return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
        });
        var rows = new LeaderboardRow[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            rows[i] = new LeaderboardRow(i + 1, ordered[i].MemberId, ordered[i].Score, ordered[i].ReachedAt);
        }

        return new Leaderboard(contestId, rows);
    }
}
