using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Reports;

/// <summary>
/// Computes the KPI figures from the store (reads only). Activity means a sale that occurred, a redemption made or a
/// quiz attempt started in the window.
/// </summary>
public sealed class KpiReports(IDocumentStore store, TimeProvider time, ProgramCalendar calendar, IEnumerable<IReferralFunnel> referrals)
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(2 * 366);

    /// <summary>No sale is older (see the sales' <c>occurredAt</c>); earlier periods would also reach below the calendar's first day.</summary>
    public static readonly DateTimeOffset EarliestStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LedgerEntryKind[] Issuing =
    [
        LedgerEntryKind.SaleAccrual, LedgerEntryKind.ReferralBonus, LedgerEntryKind.QuizReward, LedgerEntryKind.ContestPrize,
        LedgerEntryKind.ManualAdjustment, LedgerEntryKind.Achievement, LedgerEntryKind.Spiff,
    ];

    /// <summary>Checks the period (from 2000 on, at most two years); defaults: <c>to</c> = now, <c>from</c> = 30 days before <c>to</c>.</summary>
    public Result<(DateTimeOffset From, DateTimeOffset To)> Period(DateTimeOffset? from, DateTimeOffset? to)
    {
        var end = (to ?? time.GetUtcNow()).ToUniversalTime();
        var start = (from ?? end.AddDays(-30)).ToUniversalTime();
        if (start < EarliestStart)
        {
            return DomainError.Invalid(from is null ? "to" : "from", Validate.OutOfRange, "The period must start on or after 2000-01-01.");
        }

        if (start >= end)
        {
            return DomainError.Invalid("from", Validate.OutOfRange, "'from' must be before 'to'.");
        }

        if (end - start > MaxSpan)
        {
            return DomainError.Invalid("to", Validate.OutOfRange, "The period may span at most two years.");
        }

        return (start, end);
    }

    public KpiFigures Compute(DateTimeOffset from, DateTimeOffset to)
    {
        var lookback = to - from > TimeSpan.FromDays(90) ? to - from : TimeSpan.FromDays(90);
        var earliest = new[] { from - (to - from), to - lookback }.Min();
        // Only the few fields the figures need are kept of each document: a store of hundreds of thousands of sales
        // and entries would otherwise be held in memory whole for the length of the report.
        var members = store.Set<Member>().Count(m => m.CreatedAt < to);
        var sales = store.Set<Sale>().All()
            .Where(s => s.OccurredAt >= earliest && s.OccurredAt < to)
            .Select(s => (s.MemberId, s.OccurredAt, s.Units))
            .ToArray();
        var entries = store.Set<LedgerEntry>().All()
            .Where(e => e.At >= earliest && e.At < to)
            .Select(e => new Movement(e.At, e.Kind, e.Amount))
            .ToArray();
        var attempts = store.Set<QuizAttempt>().All().Where(a => a.StartedAt >= earliest && a.StartedAt < to).ToArray();
        var redemptions = store.Set<Redemption>().All().Where(r => r.CreatedAt >= earliest && r.CreatedAt < to).ToArray();
        var activity = sales.Select(s => (s.MemberId, At: s.OccurredAt))
            .Concat(redemptions.Select(r => (r.MemberId, At: r.CreatedAt)))
            .Concat(attempts.Select(a => (a.MemberId, At: a.StartedAt)))
            .ToArray();
        int ActiveIn(DateTimeOffset start, DateTimeOffset end) =>
            activity.Where(a => a.At >= start && a.At < end).Select(a => a.MemberId).Distinct().Count();
        HashSet<string> ActiveSet(DateTimeOffset start, DateTimeOffset end) =>
            activity.Where(a => a.At >= start && a.At < end).Select(a => a.MemberId).ToHashSet(StringComparer.Ordinal);

        var inPeriod = entries.Where(e => e.At >= from).ToArray();
        var issued = Issued(inPeriod);
        var redeemed = Redeemed(inPeriod);
        var expired = -inPeriod.Where(e => e.Kind == LedgerEntryKind.Expiry).Sum(e => e.Amount);
        var participating = ActiveIn(from, to);
        // Members enrolled later whose history was imported (sales backdated to before their enrolment) count as members of
        // the period they were active in: else a go-live import reports more participants than members.
        var enrolledLater = store.Set<Member>().Find(m => m.CreatedAt >= to).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        members += activity.Where(a => a.At >= from && enrolledLater.Contains(a.MemberId)).Select(a => a.MemberId).Distinct().Count();
        var quizAttempts = store.Set<QuizAttempt>().All().Where(a => a.FinishedAt >= from && a.FinishedAt < to).ToArray();
        var previous = ActiveSet(from - (to - from), from);
        var current = ActiveSet(from, to);

        // Seven days of the program's time zone each, so a daylight-saving change moves no boundary off local midnight.
        var localFrom = TimeZoneInfo.ConvertTime(from, calendar.TimeZone).DateTime;
        DateTimeOffset WeekStart(int n) =>
            n == 0 ? from : (DateTime.MaxValue - localFrom).TotalDays <= 7 * n ? to : calendar.AtLocal(localFrom.AddDays(7 * n));
        var weeks = new List<KpiWeek>();
        for (var n = 0; WeekStart(n) < to; n++)
        {
            var start = WeekStart(n);
            var end = WeekStart(n + 1) < to ? WeekStart(n + 1) : to;
            var week = inPeriod.Where(e => e.At >= start && e.At < end).ToArray();
            weeks.Add(new KpiWeek(start, Issued(week), Redeemed(week), ActiveIn(start, end)));
        }

        return new KpiFigures
        {
            From = from,
            To = to,
            Members = members,
            ParticipatingMembers = participating,
            ParticipationRate = Rate(participating, members),
            ActiveMembers30Days = ActiveIn(to.AddDays(-30), to),
            ActiveMembers90Days = ActiveIn(to.AddDays(-90), to),
            UnitsSold = sales.Where(s => s.OccurredAt >= from).Sum(s => s.Units),
            PointsIssued = Points.Normalize(issued),
            PointsRedeemed = Points.Normalize(redeemed),
            PointsExpired = Points.Normalize(expired),
            RedemptionRate = Rate(redeemed, issued),
            ReferralConversion = referrals.Select(r => r.For(from, to)).FirstOrDefault(c => c is not null),
            QuizParticipationRate = Rate(attempts.Where(a => a.StartedAt >= from).Select(a => a.MemberId).Distinct().Count(), members),
            QuizPassRate = Rate(quizAttempts.Count(a => a.Passed), quizAttempts.Length),
            Retention = Rate(previous.Count(current.Contains), previous.Count),
            Weeks = weeks,
        };
    }

    private static decimal Issued(IEnumerable<Movement> entries) =>
        entries.Where(e => e.Amount > 0 && Issuing.Contains(e.Kind)).Sum(e => e.Amount);

    private static decimal Redeemed(IEnumerable<Movement> entries) =>
        -entries.Where(e => e.Kind is LedgerEntryKind.Redemption or LedgerEntryKind.Refund).Sum(e => e.Amount);

    private static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4);

    /// <summary>What the figures need of a ledger entry.</summary>
    private readonly record struct Movement(DateTimeOffset At, LedgerEntryKind Kind, decimal Amount);
}
