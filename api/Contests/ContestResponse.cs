using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Contests;

/// <summary>A whole contest for managers; times are shown in the contest's time zone.</summary>
public sealed record ContestResponse(
    string Id,
    LocalizedText Title,
    LocalizedText Description,
    ContestMetric Metric,
    ContestStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    ContestAudience Audience,
    IReadOnlyList<ContestPrize> Prizes,
    AnnouncementPlan Announcements,
    int Participants,
    IReadOnlyList<ContestAwardResponse> Awards,
    DateTimeOffset? StartAnnouncedAt,
    DateTimeOffset? FrozenAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ContestResponse From(Contest contest, int participants, IReadOnlyList<ContestAwardResponse> awards, DateTimeOffset now)
    {
        var zone = contest.ResolveZone();
        return new ContestResponse(
            contest.Id,
            contest.Title,
            contest.Description,
            contest.Metric,
            contest.StatusAt(now),
            TimeZoneInfo.ConvertTime(contest.StartsAt, zone),
            TimeZoneInfo.ConvertTime(contest.EndsAt, zone),
            contest.TimeZone,
            contest.Audience,
            contest.Prizes,
            contest.Announcements,
            participants,
            awards,
            contest.StartAnnouncedAt,
            contest.FrozenAt,
            contest.FinishedAt,
            contest.CancelledAt,
            contest.CreatedAt,
            contest.UpdatedAt);
    }
}
