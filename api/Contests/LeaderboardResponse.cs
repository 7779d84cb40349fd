using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Api.Contests;

/// <summary>Live standings (frozen once the contest has finished): the top rows, and with <c>?member=</c> that member's row and gap.</summary>
public sealed record LeaderboardResponse(
    string ContestId,
    ContestMetric Metric,
    ContestStatus Status,
    int Participants,
    IReadOnlyList<LeaderboardRowResponse> Items,
    LeaderboardRowResponse? Member,
    LeaderboardGapResponse? Gap)
{
    public static LeaderboardResponse From(ContestStandings standings, DateTimeOffset now) => new(
        standings.Contest.Id,
        standings.Contest.Metric,
        standings.Contest.StatusAt(now),
        standings.Participants,
        standings.Top.Select(Row).ToArray(),
        standings.Me is { } me ? Row(me) : null,
        standings.Gap is { } gap ? new LeaderboardGapResponse(gap.Place, gap.Amount) : null);

    private static LeaderboardRowResponse Row(StandingLine line) => new(line.Place, line.ExternalId, line.Name, line.Score, line.ReachedAt);
}
