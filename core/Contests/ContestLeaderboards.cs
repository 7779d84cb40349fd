using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>Live standings from the <see cref="LeaderboardCache"/>, with names, own rows and gaps. Never waits for the writer.</summary>
public sealed class ContestLeaderboards(IDocumentStore store, LeaderboardCache cache)
{
    /// <summary>Without prizes, members are shown the gap to this place (the top five of the announcements).</summary>
    public const int DefaultTargetPlace = 5;

    public Leaderboard Of(Contest contest) => cache.Of(contest.Id);

    /// <summary>The top <paramref name="top"/> rows and, for <paramref name="memberId"/>, their row and gap.</summary>
    public ContestStandings Standings(Contest contest, int top, string? memberId = null)
    {
        var board = cache.Of(contest.Id);
        return Standings(contest, board, Lines(board.Top(top)), memberId);
    }

    /// <summary>The same for many members of one board: compute <paramref name="top"/> once with <see cref="Lines"/>.</summary>
    public ContestStandings Standings(Contest contest, Leaderboard board, IReadOnlyList<StandingLine> top, string? memberId)
    {
        var mine = memberId is null ? null : board.Find(memberId);
        var me = mine is null ? null : top.FirstOrDefault(l => l.MemberId == mine.MemberId) ?? Line(mine);
        return new ContestStandings(contest, board.Count, top, me, GapFor(contest, board, mine));
    }

    public IReadOnlyList<StandingLine> Lines(IEnumerable<LeaderboardRow> rows) => rows.Select(Line).ToArray();

    /// <summary>
    /// Outside the prize places (or the top <see cref="DefaultTargetPlace"/> without prizes): the gap to the last of
    /// them; inside: to the place above. A member without a score is that place's score away.
    /// </summary>
    public static PlaceGap? GapFor(Contest contest, Leaderboard board, LeaderboardRow? me)
    {
        if (board.Count == 0 || me is { Place: 1 })
        {
            return null;
        }

        var target = contest.Prizes.Count > 0 ? contest.Prizes.Count : DefaultTargetPlace;
        var place = me is null ? Math.Min(target, board.Count) : me.Place > target ? target : me.Place - 1;
        return new PlaceGap(place, board.AtPlace(place)!.Score - (me?.Score ?? 0m));
    }

    private StandingLine Line(LeaderboardRow row)
    {
        var member = store.Set<Member>().Get(row.MemberId);
        return new StandingLine(row.Place, row.MemberId, member?.ExternalId ?? string.Empty, member?.Name ?? string.Empty, row.Score, row.ReachedAt);
    }
}
