using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Keeps the live scores: every counted event adds to the member's <see cref="ContestScore"/> in each contest that
/// counts its metric, inside the event's own write operation, so the leaderboard moves with the commit.
/// </summary>
/// <remarks>
/// Points that expire while a points contest runs stop counting (<see cref="OnExpired"/>): every points event counted
/// keeps a <see cref="ContestScoreEntry"/> under its ledger credit's idempotency key, so the expiry takes back exactly
/// what that credit added, from exactly the contests that counted it. Units and qualified referrals do not expire.
/// </remarks>
public sealed class ContestScores(LiveContests live, LeaderboardCache leaderboards, TierLadder tiers, ProgramCalendar calendar)
{
    private long _lastSequence = -1;

    /// <summary>
    /// Inside a write operation: adds <paramref name="amount"/> to the member's score in every contest open for scores
    /// that counts <paramref name="metric"/>, whose period holds <paramref name="at"/> and whose audience holds the member.
    /// Idempotent per <paramref name="sourceRef"/> (e.g. <c>referral:{id}</c>): the same source counts once per contest.
    /// Returns in how many contests it counted. The referrals feature calls this with <see cref="ContestMetric.QualifiedReferrals"/>.
    /// </summary>
    public int Add(IDocumentStore store, string memberId, ContestMetric metric, decimal amount, DateTimeOffset at, string sourceRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceRef);
        if (amount <= 0)
        {
            return 0;
        }

        var counted = 0;
        Member? member = null;
        foreach (var contest in live.Get(store))
        {
            if (contest.Metric != metric || !contest.CountsAt(at))
            {
                continue;
            }

            member ??= store.Set<Member>().Get(memberId);
            if (member is not { Status: MemberStatus.Active } || !InAudience(store, contest, member, at))
            {
                continue;
            }

            var entries = store.Set<ContestScoreEntry>();
            var key = ContestScoreEntry.KeyOf(contest.Id, sourceRef);
            if (entries.Get(key) is not null)
            {
                continue;
            }

            entries.Insert(new ContestScoreEntry { Id = key, ContestId = contest.Id, MemberId = memberId, Amount = amount, At = at });
            Apply(store, contest.Id, memberId, amount, at);
            counted++;
        }

        return counted;
    }

    /// <summary>Inside the sale's write operation: counts a new sale (points earned or units) where it occurred.</summary>
    internal void OnSale(IDocumentStore store, Sale sale, Member member)
    {
        foreach (var contest in live.Get(store))
        {
            var amount = contest.Metric switch
            {
                ContestMetric.SalesPoints => sale.PointsEarned,
                ContestMetric.UnitsSold => sale.Units,
                _ => 0m,
            };
            if (amount > 0 && contest.CountsAt(sale.OccurredAt) && member.Status == MemberStatus.Active
                && InAudience(store, contest, member, sale.OccurredAt))
            {
                if (contest.Metric == ContestMetric.SalesPoints)
                {
                    // Points may expire before the contest ends; remember what this sale's credit added (see OnExpired).
                    store.Set<ContestScoreEntry>().Insert(new ContestScoreEntry
                    {
                        Id = ContestScoreEntry.KeyOf(contest.Id, SaleRecorder.LedgerKeyOf(sale.Id)),
                        ContestId = contest.Id,
                        MemberId = member.Id,
                        Amount = amount,
                        At = sale.OccurredAt,
                    });
                }

                Apply(store, contest.Id, member.Id, amount, sale.OccurredAt);
            }
        }
    }

    /// <summary>
    /// Inside the expiry write-off: takes the expired part of a credit back out of every running points contest that
    /// counted it (never more than it added there). The member keeps the time they last reached a score for ties.
    /// </summary>
    internal void OnExpired(IDocumentStore store, LedgerEntry earned, decimal expired)
    {
        var entries = store.Set<ContestScoreEntry>();
        foreach (var contest in live.Get(store))
        {
            if (contest.Metric is not (ContestMetric.SalesPoints or ContestMetric.QuizPoints)
                || entries.Get(ContestScoreEntry.KeyOf(contest.Id, earned.IdempotencyKey)) is not { Amount: > 0 } entry)
            {
                continue;
            }

            var taken = Math.Min(expired, entry.Amount);
            entries.Update(entry with { Amount = entry.Amount - taken });
            Apply(store, contest.Id, entry.MemberId, -taken, DateTimeOffset.MinValue);
        }
    }

    private bool InAudience(IDocumentStore store, Contest contest, Member member, DateTimeOffset at)
    {
        if (contest.Audience.Tiers.Count == 0)
        {
            return contest.Audience.Includes(tiers.Lowest, member.Region);
        }

        var units = store.Set<MemberUnits>().Get(MemberUnits.KeyOf(member.Id, calendar.YearOf(at)))?.Units ?? 0;
        return contest.Audience.Includes(tiers.TierFor(units), member.Region);
    }

    /// <summary>Adds <paramref name="amount"/> (negative takes back) to the score; <paramref name="at"/> moves the tie-break time only forward.</summary>
    private void Apply(IDocumentStore store, string contestId, string memberId, decimal amount, DateTimeOffset at)
    {
        var scores = store.Set<ContestScore>();
        var key = ContestScore.KeyOf(contestId, memberId);
        var current = scores.Get(key);
        var sequence = NextSequence(scores);
        scores.Upsert(new ContestScore
        {
            Id = key,
            ContestId = contestId,
            MemberId = memberId,
            Score = Points.Normalize((current?.Score ?? 0m) + amount),
            ReachedAt = current is null || at > current.ReachedAt ? at : current.ReachedAt,
            Sequence = sequence,
        });
        leaderboards.Touched(contestId, memberId, sequence);
    }

    private long NextSequence(IDocumentSet<ContestScore> scores)
    {
        if (_lastSequence < 0)
        {
            _lastSequence = scores.Max(s => s.Sequence);
        }

        return ++_lastSequence;
    }
}
