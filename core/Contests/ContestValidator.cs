using System.Globalization;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Turns a <see cref="ContestDraft"/> into a contest or the first problem found, naming the field the way the JSON
/// spells it (<c>prizes[2].place</c>, <c>announcements.reminders[0]</c>). Shared by every front end that authors contests.
/// </summary>
public sealed class ContestValidator(TierLadder tiers, IContestSchedule schedule, ContestOptions options, PrizeRewards rewards)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int RegionMaxLength = 100;
    public const int RewardIdMaxLength = 64;
    public const int MaxPrizes = 100;
    public const int MaxReminders = 10;
    public const int MaxDaysBeforeEnd = 365;
    public const decimal MaxPrizePoints = 10_000_000m;

    private static readonly DateTimeOffset EarliestDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestDate = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The contest the draft describes (with an empty <see cref="Contest.Id"/>), or the first problem.</summary>
    public Result<Contest> Check(ContestDraft? draft)
    {
        if (draft is null)
        {
            return DomainError.Invalid("body", Validate.MissingField, "A contest is required.");
        }

        LocalizedText? description = null;
        ContestMetric metric = default;
        TimeZoneInfo? zone = null;
        DateTimeOffset startsAt = default, endsAt = default;
        ContestAudience? audience = null;
        List<ContestPrize> prizes = [];
        AnnouncementPlan? plan = null;
        var error = Localized("title", draft.Title, TitleMaxLength, out var title);
        error ??= Localized("description", draft.Description, DescriptionMaxLength, out description);
        error ??= Metric(draft.Metric, out metric);
        error ??= TimeZone(draft.TimeZone, out zone);
        error ??= Moment("startsAt", draft.StartsAt, zone, out startsAt);
        error ??= Moment("endsAt", draft.EndsAt, zone, out endsAt);
        error ??= endsAt <= startsAt ? DomainError.Invalid("endsAt", Validate.OutOfRange, "'endsAt' must be after 'startsAt'.") : null;
        error ??= Audience(draft.Audience, out audience);
        error ??= Prizes(draft.Prizes, out prizes);
        error ??= Announcements(draft.Announcements, zone, out plan);
        if (error is not null)
        {
            return error;
        }

        return new Contest
        {
            Id = string.Empty,
            Title = title!,
            Description = description!,
            Metric = metric,
            StartsAt = startsAt,
            EndsAt = endsAt,
            TimeZone = zone!.Id,
            Audience = audience!,
            Prizes = prizes,
            Announcements = plan!,
        };
    }

    private static DomainError? Metric(ContestMetric? metric, out ContestMetric value)
    {
        value = metric ?? default;
        if (metric is null)
        {
            return DomainError.Invalid("metric", Validate.MissingField, "'metric' is required: salesPoints, unitsSold, qualifiedReferrals or quizPoints.");
        }

        return Enum.IsDefined(metric.Value) ? null : DomainError.Invalid("metric", Validate.InvalidValue, "'metric' is not a known metric.");
    }

    private DomainError? TimeZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        var name = string.IsNullOrWhiteSpace(id) ? options.DefaultTimeZone : id.Trim();
        if (name.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone))
        {
            return DomainError.Invalid("timeZone", Validate.InvalidValue, $"'timeZone' must be an IANA time zone id such as Europe/Moscow; '{name}' is not known.");
        }

        return null;
    }

    /// <summary>An ISO 8601 moment; without an offset it is a local time in <paramref name="zone"/>. Whole milliseconds, UTC.</summary>
    private static DomainError? Moment(string field, string? text, TimeZoneInfo? zone, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is required.");
        }

        var value = text.Trim();
        // Local formats first: "K" in the offset formats also accepts a time without an offset.
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (zone!.IsInvalidTime(local))
            {
                return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' falls into a daylight-saving gap in {zone.Id}.");
            }

            moment = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        else if (DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            moment = withOffset;
        }
        else
        {
            return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be an ISO 8601 date and time, e.g. 2026-07-01T00:00 (in 'timeZone') or 2026-07-01T00:00:00+03:00.");
        }

        if (moment < EarliestDate || moment >= LatestDate)
        {
            return DomainError.Invalid(field, Validate.OutOfRange, $"'{field}' must be between 2000 and 2100.");
        }

        moment = new DateTimeOffset(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return null;
    }

    private DomainError? Audience(AudienceDraft? draft, out ContestAudience? audience)
    {
        audience = null;
        var tierNames = new List<string>();
        for (var k = 0; k < (draft?.Tiers?.Count ?? 0); k++)
        {
            var field = $"audience.tiers[{k}]";
            if (tiers.Normalize(draft!.Tiers![k]?.Trim()) is not { } tier)
            {
                return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
            }

            if (!tierNames.Contains(tier))
            {
                tierNames.Add(tier);
            }
        }

        var regions = new List<string>();
        for (var k = 0; k < (draft?.Regions?.Count ?? 0); k++)
        {
            var error = Validate.Text($"audience.regions[{k}]", draft!.Regions![k], RegionMaxLength, out var region);
            if (error is not null)
            {
                return error;
            }

            if (!regions.Contains(region, StringComparer.OrdinalIgnoreCase))
            {
                regions.Add(region);
            }
        }

        audience = new ContestAudience { Tiers = tierNames, Regions = regions };
        return null;
    }

    /// <summary>Places 1..N, each once, in any order; each prize worth points and/or a reward of the catalog.</summary>
    private DomainError? Prizes(IReadOnlyList<PrizeDraft?>? drafts, out List<ContestPrize> prizes)
    {
        prizes = [];
        if (drafts is null)
        {
            return null;
        }

        if (drafts.Count > MaxPrizes)
        {
            return DomainError.Invalid("prizes", Validate.OutOfRange, $"'prizes' may hold at most {MaxPrizes} places.");
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"prizes[{i}]";
            if (drafts[i] is not { } draft)
            {
                return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is null.");
            }

            if (draft.Place is not { } place)
            {
                return DomainError.Invalid($"{field}.place", Validate.MissingField, $"'{field}.place' is required.");
            }

            if (place < 1 || place > drafts.Count)
            {
                return DomainError.Invalid($"{field}.place", Validate.OutOfRange, $"Prize places must be 1..{drafts.Count} without gaps; '{field}.place' is {place}.");
            }

            if (prizes.Any(p => p.Place == place))
            {
                return DomainError.Invalid($"{field}.place", Validate.InvalidValue, $"Place {place} has two prizes.");
            }

            var points = draft.Points ?? 0m;
            if (points < 0 || points > MaxPrizePoints || decimal.Round(points, 2) != points)
            {
                return DomainError.Invalid($"{field}.points", Validate.OutOfRange, $"'{field}.points' must be between 0 and {MaxPrizePoints:N0} with at most two decimals.");
            }

            var error = Validate.OptionalText($"{field}.rewardId", draft.RewardId, RewardIdMaxLength, out var rewardId);
            if (error is not null)
            {
                return error;
            }

            if (points == 0 && rewardId.Length == 0)
            {
                return DomainError.Invalid(field, Validate.MissingField, $"'{field}' needs 'points' and/or 'rewardId'.");
            }

            if (rewardId.Length > 0 && !rewards.Exists(rewardId))
            {
                return UnknownReward(field, rewardId);
            }

            prizes.Add(new ContestPrize { Place = place, Points = Ledger.Points.Normalize(points), RewardId = rewardId.Length == 0 ? null : rewardId });
        }

        prizes.Sort((a, b) => a.Place.CompareTo(b.Place));
        return null;
    }

    /// <summary>
    /// The first prize of <paramref name="contest"/> (checked from <paramref name="draft"/>) whose reward
    /// <paramref name="store"/> does not hold. <see cref="Check"/> read the catalog before the write; authoring asks again
    /// in the contest's own write transaction, so a reward deleted in between never becomes a prize.
    /// </summary>
    public static DomainError? PrizeRewardGone(IDocumentStore store, ContestDraft draft, Contest contest)
    {
        foreach (var prize in contest.Prizes)
        {
            if (prize.RewardId is { } rewardId && store.Set<Rewards.Reward>().Get(rewardId) is null)
            {
                var index = draft.Prizes?.Select((p, i) => (p, i)).First(d => d.p?.Place == prize.Place).i;
                return UnknownReward($"prizes[{index}]", rewardId);
            }
        }

        return null;
    }

    private static DomainError UnknownReward(string field, string rewardId) =>
        DomainError.Invalid($"{field}.rewardId", Rewards.RewardErrors.RewardNotFoundCode, $"'{field}.rewardId' is no reward of the catalog: '{rewardId}'.");

    private DomainError? Announcements(AnnouncementPlanDraft? draft, TimeZoneInfo? zone, out AnnouncementPlan? plan)
    {
        plan = null;
        var reminders = new List<string>();
        var reminderDrafts = draft?.Reminders ?? [];
        if (reminderDrafts.Count > MaxReminders)
        {
            return DomainError.Invalid("announcements.reminders", Validate.OutOfRange, $"'announcements.reminders' may hold at most {MaxReminders} expressions.");
        }

        for (var i = 0; i < reminderDrafts.Count; i++)
        {
            var field = $"announcements.reminders[{i}]";
            var error = Validate.Text(field, reminderDrafts[i], 120, out var expression);
            if (error is not null)
            {
                return error;
            }

            if (schedule.CheckCron(expression, zone!) is { } problem)
            {
                return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' is not a usable cron expression: {problem}");
            }

            if (!reminders.Contains(expression, StringComparer.Ordinal))
            {
                reminders.Add(expression);
            }
        }

        var days = new List<int>();
        var dayDrafts = draft?.DaysBeforeEnd ?? [];
        if (dayDrafts.Count > MaxReminders)
        {
            return DomainError.Invalid("announcements.daysBeforeEnd", Validate.OutOfRange, $"'announcements.daysBeforeEnd' may hold at most {MaxReminders} values.");
        }

        for (var i = 0; i < dayDrafts.Count; i++)
        {
            var field = $"announcements.daysBeforeEnd[{i}]";
            if (dayDrafts[i] is not { } day || day < 1 || day > MaxDaysBeforeEnd)
            {
                return DomainError.Invalid(field, Validate.OutOfRange, $"'{field}' must be a whole number of days between 1 and {MaxDaysBeforeEnd}.");
            }

            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }

        days.Sort();
        plan = new AnnouncementPlan { AtStart = draft?.AtStart ?? true, Reminders = reminders, DaysBeforeEnd = days, AtEnd = draft?.AtEnd ?? true };
        return null;
    }

    /// <summary>Russian required; Ukrainian and English optional (blank = fall back to Russian).</summary>
    private static DomainError? Localized(string field, LocalizedDraft? draft, int maxLength, out LocalizedText? text)
    {
        text = null;
        if (draft is null)
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is required (at least 'ru').");
        }

        var error = Line($"{field}.ru", draft.Ru, maxLength, out var ru);
        if (error is not null)
        {
            return error;
        }

        if (ru.Length == 0)
        {
            return DomainError.Invalid($"{field}.ru", Validate.MissingField, $"'{field}.ru' is required.");
        }

        var en = string.Empty;
        error = Line($"{field}.uk", draft.Uk, maxLength, out var uk);
        error ??= Line($"{field}.en", draft.En, maxLength, out en);
        if (error is not null)
        {
            return error;
        }

        text = new LocalizedText { Ru = ru, Uk = uk.Length == 0 ? null : uk, En = en.Length == 0 ? null : en };
        return null;
    }

    /// <summary>An optional trimmed text; line breaks are allowed, other control characters never.</summary>
    private static DomainError? Line(string field, string? value, int maxLength, out string trimmed)
    {
        var normalized = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty;
        var error = Validate.OptionalText(field, normalized.Replace('\n', ' '), maxLength, out var visible);
        trimmed = error is null && visible.Length > 0 ? normalized : string.Empty;
        return error;
    }
}
