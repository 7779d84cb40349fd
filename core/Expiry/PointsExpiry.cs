using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Expiry;

/// <summary>
/// The scheduled expiry step. For each member with points, in one write: writes off the remainder of every expired lot
/// as a ledger debit of kind <see cref="LedgerEntryKind.Expiry"/> (key <c>expiry:{memberId}:{lotEntryId}</c>, so each
/// lot is written off once however often this runs), and warns <see cref="ExpiryOptions.WarningDays"/> days ahead of
/// each expiry day of the program's time zone with the amount (dedup <c>expiry-warning:{memberId}:{date}</c>).
/// Each write-off is told to the <see cref="IPointsExpiryObserver"/>s in the same write (contests take the points back).
/// </summary>
public sealed class PointsExpiry(
    IStoreWriter writer,
    IDocumentStore store,
    PointsLedger ledger,
    PointsLots lots,
    DeliveryOutbox outbox,
    ExpiryOptions options,
    ProgramCalendar calendar,
    TimeProvider time,
    IEnumerable<IPointsExpiryObserver> observers)
{
    private readonly IPointsExpiryObserver[] _observers = [.. observers];

    public const string SystemActor = "system";
    public const string Topic = "expiry";

    public async Task<ExpiryRun> RunAsync(CancellationToken cancellationToken)
    {
        var total = new ExpiryRun(0, 0m, 0);
        if (options.Mode == ExpiryMode.Never)
        {
            return total;
        }

        foreach (var id in store.Set<Member>().Find(m => m.Balance > 0).Select(m => m.Id).ToArray())
        {
            var run = await writer.WriteAsync(s => ExpireFor(s, id), cancellationToken);
            total = new ExpiryRun(total.WrittenOff + run.WrittenOff, total.PointsWrittenOff + run.PointsWrittenOff, total.Warned + run.Warned);
        }

        return total;
    }

    private ExpiryRun ExpireFor(IDocumentStore s, string memberId)
    {
        var now = time.GetUtcNow();
        var writtenOff = 0;
        var points = 0m;
        var entries = MemberLedger.All(s, memberId);
        var open = lots.Of(entries).Where(l => l.Remaining > 0).ToArray();
        foreach (var lot in open.Where(l => l.ExpiresAt <= now))
        {
            var appended = ledger.Append(s, new LedgerPosting(
                memberId,
                LedgerEntryKind.Expiry,
                -lot.Remaining,
                $"Points earned {DayOf(lot.EarnedAt):yyyy-MM-dd} expired",
                $"ledger:{lot.EntryId}",
                $"expiry:{memberId}:{lot.EntryId}",
                SystemActor));
            if (appended is { IsSuccess: true, Value.WasDuplicate: false })
            {
                writtenOff++;
                points += lot.Remaining;
                var earned = entries.First(e => e.Id == lot.EntryId);
                foreach (var observer in _observers)
                {
                    observer.OnPointsExpired(s, earned, lot.Remaining);
                }
            }
        }

        var warned = 0;
        var soon = open.Where(l => l.ExpiresAt > now && l.ExpiresAt - TimeSpan.FromDays(options.WarningDays) <= now);
        // One warning per day of the program's time zone, the day the warning names (a UTC day would split or merge them).
        foreach (var group in soon.GroupBy(l => DayOf(l.ExpiresAt!.Value)))
        {
            var amount = group.Sum(l => l.Remaining);
            var at = group.Min(l => l.ExpiresAt!.Value);
            if (outbox.EnqueueForMember(s, memberId, texts => Warning(texts, amount, at, calendar.TimeZone), $"expiry-warning:{memberId}:{group.Key:yyyy-MM-dd}", Topic) > 0)
            {
                warned++;
            }
        }

        return new ExpiryRun(writtenOff, points, warned);
    }

    /// <summary>The day of the program's time zone a moment falls on (the ledger reason and the warning name such days).</summary>
    private DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, calendar.TimeZone).DateTime);

    /// <summary>The warning, with the expiry date as a day of the program's time zone.</summary>
    public static ChatMessage Warning(Texts texts, decimal amount, DateTimeOffset at, TimeZoneInfo zone) => new()
    {
        Text = texts.Rich(
            "Engagement.Expiry.Warning", texts.Points(amount), texts.Date(at, zone), texts.PluralForm("Engagement.WillExpire", amount)),
        Buttons = [[ChatButton.Choice(texts["Engagement.TierUp.ToRewards"], "rw:p:1")]],
    };
}
