using System.Globalization;
using Humanizer;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Bot.Contests;

/// <summary>The small phrases contest messages are made of: places, scores, prizes and the time left.</summary>
public static class ContestPhrases
{
    /// <summary>
    /// A place for the ordinal patterns of the resources: Russian and Ukrainian carry the case ending in the text
    /// («{0}-м месте», «{0}-му місці»), so the number stays bare; English gets its suffix here (7th).
    /// </summary>
    public static string Ordinal(Texts texts, int place) =>
        texts.Language == Languages.English ? place.Ordinalize(texts.Culture) : place.ToString(CultureInfo.InvariantCulture);

    /// <summary>A score in the contest's unit: «1 250 баллов», «42 единицы», «3 приглашения».</summary>
    public static string Score(Texts texts, ContestMetric metric, decimal score) => metric switch
    {
        ContestMetric.UnitsSold => texts.Quantity("Contests.Units", score),
        ContestMetric.QualifiedReferrals => texts.Quantity("Contests.Referrals", score),
        _ => texts.Points(score),
    };

    public static string Metric(Texts texts, ContestMetric metric) => texts[$"Contests.Metric.{metric}"];

    /// <summary>«5 000 баллов», «приз «Телевизор 55″»», or both; <paramref name="rewardName"/> is in the reader's language.</summary>
    public static string Prize(Texts texts, decimal points, string? rewardName) => (points > 0, rewardName) switch
    {
        (true, { } reward) => texts.Format("Contests.Prize.Both", texts.Points(points), reward),
        (false, { } reward) => texts.Format("Contests.Prize.Reward", reward),
        _ => texts.Points(points),
    };

    /// <summary>
    /// «осталось 2 дня», «остался 1 день», «осталась 1 неделя»: the duration in words from Humanizer
    /// (<see cref="Texts.Duration"/>) of the time left rounded up to the minute, the verb agreeing with its number and unit.
    /// </summary>
    public static string TimeLeft(Texts texts, TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return texts["Contests.TimeLeft.Over"];
        }

        if (left < TimeSpan.FromMinutes(1))
        {
            return texts["Contests.TimeLeft.Soon"];
        }

        // A countdown rounds up: a reminder a second late for "1 day before the end" still says one day.
        left = TimeSpan.FromMinutes(Math.Ceiling(left.TotalMinutes));

        // The unit and number Humanizer shows with precision 1: the largest whole unit, weeks at most.
        var (unit, count) = left.TotalDays >= 7 ? ("Week", (int)(left.TotalDays / 7))
            : left.TotalDays >= 1 ? ("Day", left.Days)
            : left.TotalHours >= 1 ? ("Hour", left.Hours)
            : ("Minute", left.Minutes);
        var forms = texts[$"Contests.TimeLeft.{unit}"].Split('|');
        var form = forms[Math.Min(PluralRules.FormIndex(texts.Language, count), forms.Length - 1)];
        return string.Format(texts.Culture, form, texts.Duration(left));
    }

    /// <summary>The contest zone's offset at a moment, as people read it: «UTC+3», «UTC+5:30», «UTC−4», «UTC».</summary>
    public static string Offset(Contest contest, DateTimeOffset moment)
    {
        var offset = contest.ResolveZone().GetUtcOffset(moment);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:D2}";
    }

    /// <summary>The end as the contest's local time: «31 июля 2026, 23:59».</summary>
    public static string LocalTime(Texts texts, Contest contest, DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, contest.ResolveZone()).ToString("d MMMM yyyy, HH:mm", texts.Culture);
}
