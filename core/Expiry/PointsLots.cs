using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;

namespace LoyaltyBot.Core.Expiry;

/// <summary>
/// FIFO lots computed from the ledger: every credit is a lot, every debit (redemption, write-off, negative
/// adjustment, expiry) consumes the oldest lots that still hold points. The sum of the remainders is the balance.
/// </summary>
public sealed class PointsLots(ExpiryOptions options, ProgramCalendar calendar)
{
    /// <summary>The lots of one member's entries (in any order), oldest first, including spent ones.</summary>
    public IReadOnlyList<PointsLot> Of(IEnumerable<LedgerEntry> entries)
    {
        var lots = new List<PointsLot>();
        var next = 0;
        foreach (var entry in entries.OrderBy(e => e.Id))
        {
            if (entry.Amount > 0)
            {
                lots.Add(new PointsLot(entry.Id, entry.At, entry.Amount, entry.Amount, ExpiryOf(entry.At)));
                continue;
            }

            var debit = -entry.Amount;
            while (debit > 0 && next < lots.Count)
            {
                var lot = lots[next];
                var taken = Math.Min(lot.Remaining, debit);
                lots[next] = lot with { Remaining = lot.Remaining - taken };
                debit -= taken;
                if (lots[next].Remaining == 0)
                {
                    next++;
                }
            }
        }

        return lots;
    }

    /// <summary>
    /// When points earned at <paramref name="earnedAt"/> expire, or null when they never do. Months are calendar months
    /// of the program's time zone, so points earned on 31 March at 01:00 in Moscow expire on 30 April, not on 1 May.
    /// </summary>
    public DateTimeOffset? ExpiryOf(DateTimeOffset earnedAt) => options.Mode switch
    {
        ExpiryMode.MonthsAfterEarning => calendar.AddMonths(earnedAt, options.Months),
        ExpiryMode.EndOfFollowingYear => calendar.StartOf(calendar.YearOf(earnedAt) + 2),
        _ => null,
    };
}
