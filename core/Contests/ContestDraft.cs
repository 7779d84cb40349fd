using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// A whole contest as a manager sends it to create or replace one; checked by <see cref="ContestValidator"/>.
/// <see cref="StartsAt"/> and <see cref="EndsAt"/> are ISO 8601: with an offset (<c>2026-07-01T00:00:00+03:00</c>,
/// <c>…Z</c>) they are that moment; without one (<c>2026-07-01T00:00</c>) they are local times in <see cref="TimeZone"/>.
/// </summary>
public sealed record ContestDraft(
    LocalizedDraft? Title,
    LocalizedDraft? Description,
    ContestMetric? Metric,
    string? StartsAt,
    string? EndsAt,
    string? TimeZone = null,
    AudienceDraft? Audience = null,
    IReadOnlyList<PrizeDraft?>? Prizes = null,
    AnnouncementPlanDraft? Announcements = null);
