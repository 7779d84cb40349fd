using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Contests;

/// <summary>A contest in the list: enough to pick one.</summary>
public sealed record ContestSummaryResponse(
    string Id,
    LocalizedText Title,
    ContestMetric Metric,
    ContestStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    int Participants)
{
    public static ContestSummaryResponse From(Contest contest, int participants, DateTimeOffset now)
    {
        var zone = contest.ResolveZone();
        return new ContestSummaryResponse(
            contest.Id,
            contest.Title,
            contest.Metric,
            contest.StatusAt(now),
            TimeZoneInfo.ConvertTime(contest.StartsAt, zone),
            TimeZoneInfo.ConvertTime(contest.EndsAt, zone),
            contest.TimeZone,
            participants);
    }
}
