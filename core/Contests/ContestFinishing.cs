using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Ends a contest: freezes the standings, pays each prize exactly once (ledger kind <c>ContestPrize</c>, key
/// <c>contest:{id}:prize:{place}:{memberId}</c>, plus a <see cref="ContestAward"/>), counts the win for the
/// <c>contestWinner</c> achievement, congratulates the winners and
/// sends everyone the final standings. Every step is idempotent and chunked, so a run killed half-way is completed by
/// running it again: awards made are found and skipped, messages sent are deduplicated. The <c>contest.finished</c>
/// webhook event is written with the step that marks the contest finished, so it is emitted exactly once.
/// </summary>
public sealed class ContestFinishing(
    IStoreWriter writer,
    IDocumentStore store,
    PointsLedger ledger,
    ContestQueries queries,
    ContestLeaderboards leaderboards,
    IContestMessages messages,
    DeliveryOutbox outbox,
    ContestNotifier notifier,
    ContestOptions options,
    TimeProvider time,
    WebhookOutbox? webhooks = null,
    AchievementTracker? achievements = null)
{
    /// <summary>The ledger actor of prizes.</summary>
    public const string SystemActor = "system";

    /// <summary>Runs <see cref="FreezeAsync"/>, <see cref="AwardAsync"/> for every prize, the final standings, and marks the contest finished.</summary>
    public async Task<FinishResult> FinishAsync(string contestId, CancellationToken cancellationToken)
    {
        var frozen = await FreezeAsync(contestId, cancellationToken);
        if (frozen != FinishOutcome.Finished)
        {
            return new FinishResult(frozen);
        }

        var contest = queries.Get(contestId)!;
        var awarded = await AwardAsync(contestId, 1, contest.Prizes.Count, cancellationToken);
        var sent = 0;
        if (contest.Announcements.AtEnd)
        {
            var board = FrozenStandings(contestId);
            var top = leaderboards.Lines(board.Top(ContestAnnouncements.TopRows));
            sent = await notifier.QueueAsync(
                contestId,
                queries.AudienceAndParticipantsOf(contest),
                "final",
                memberId =>
                {
                    var standings = leaderboards.Standings(contest, board, top, memberId);
                    return texts => messages.Final(texts, standings);
                },
                c => c.CancelledAt is null,
                cancellationToken);
        }

        await writer.WriteAsync(s =>
        {
            var contests = s.Set<Contest>();
            var current = contests.Get(contestId);
            if (current is { FinishedAt: null })
            {
                var finished = current with { FinishedAt = time.GetUtcNow() };
                contests.Update(finished);
                webhooks?.Emit(s, WebhookEventTypes.ContestFinished, FinishedEvent(s, finished));
            }

            return true;
        }, cancellationToken);
        return new FinishResult(FinishOutcome.Finished, awarded, sent);
    }

    /// <summary>
    /// Once the contest has ended: sets <see cref="Contest.FrozenAt"/> (if not set) so no event changes a score any more.
    /// <see cref="FinishOutcome.Finished"/> means frozen (now or before) and ready for the prizes.
    /// </summary>
    public Task<FinishOutcome> FreezeAsync(string contestId, CancellationToken cancellationToken) =>
        writer.WriteAsync(s =>
        {
            var contests = s.Set<Contest>();
            var contest = contests.Get(contestId);
            if (contest is null)
            {
                return FinishOutcome.Unknown;
            }

            if (contest.CancelledAt is not null)
            {
                return FinishOutcome.Cancelled;
            }

            if (contest.FinishedAt is not null)
            {
                return FinishOutcome.AlreadyFinished;
            }

            var now = time.GetUtcNow();
            if (now < contest.EndsAt)
            {
                return FinishOutcome.NotDue;
            }

            if (contest.FrozenAt is null)
            {
                contests.Update(contest with { FrozenAt = now });
            }

            return FinishOutcome.Finished;
        }, cancellationToken);

    /// <summary>
    /// Pays the prizes for places <paramref name="fromPlace"/>..<paramref name="toPlace"/> of a frozen contest that are
    /// not paid yet, a chunk per write operation; each award, its ledger entry and the winner's congratulation are
    /// written together. A blocked member's prize is not paid. Returns the awards made by this call.
    /// </summary>
    public async Task<int> AwardAsync(string contestId, int fromPlace, int toPlace, CancellationToken cancellationToken)
    {
        var contest = queries.Get(contestId);
        if (contest is not { FrozenAt: not null, CancelledAt: null })
        {
            return 0;
        }

        var board = FrozenStandings(contestId);
        var due = contest.Prizes
            .Where(p => p.Place >= fromPlace && p.Place <= toPlace && p.Place <= board.Count)
            .Select(p => (Prize: p, Row: board.AtPlace(p.Place)!))
            .ToArray();
        var awarded = 0;
        foreach (var chunk in due.Chunk(Math.Max(1, options.ChunkSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            awarded += await writer.WriteAsync(s => chunk.Count(item => Award(s, contest, item.Prize, item.Row)), cancellationToken);
        }

        return awarded;
    }

    /// <summary>The <c>contest.finished</c> event's data: the contest and the prizes given, by place.</summary>
    private static object FinishedEvent(IDocumentStore s, Contest contest)
    {
        var members = s.Set<Member>();
        var winners = s.Set<ContestAward>().Find(a => a.ContestId == contest.Id)
            .OrderBy(a => a.Place)
            .Select(a => new
            {
                place = a.Place,
                memberId = a.MemberId,
                externalId = members.Get(a.MemberId)?.ExternalId,
                score = a.Score,
                points = a.Points,
                rewardId = a.RewardId,
            })
            .ToArray();
        return new
        {
            contestId = contest.Id,
            title = contest.Title,
            metric = contest.Metric,
            startsAt = contest.StartsAt,
            endsAt = contest.EndsAt,
            finishedAt = contest.FinishedAt,
            winners,
        };
    }

    /// <summary>The standings read afresh from the store (not the cache): exact, as the prizes need.</summary>
    private Leaderboard FrozenStandings(string contestId) =>
        Leaderboard.From(contestId, store.Set<ContestScore>().Find(s => s.ContestId == contestId));

    private bool Award(IDocumentStore s, Contest contest, ContestPrize prize, LeaderboardRow row)
    {
        var awards = s.Set<ContestAward>();
        var key = ContestAward.KeyOf(contest.Id, prize.Place);
        if (awards.Get(key) is not null)
        {
            return false;
        }

        var member = s.Set<Member>().Get(row.MemberId);
        if (member is not { Status: MemberStatus.Active })
        {
            return false;
        }

        long? entryId = null;
        var points = 0m;
        if (prize.Points > 0)
        {
            var appended = ledger.Append(s, new LedgerPosting(
                member.Id,
                LedgerEntryKind.ContestPrize,
                prize.Points,
                $"Contest «{contest.Title.Ru}»: place {prize.Place}",
                $"contest:{contest.Id}",
                $"contest:{contest.Id}:prize:{prize.Place}:{member.Id}",
                SystemActor));
            if (appended.IsSuccess)
            {
                entryId = appended.Value.Entry.Id;
                points = appended.Value.Entry.Amount;
            }
        }

        var award = new ContestAward
        {
            Id = key,
            ContestId = contest.Id,
            Place = prize.Place,
            MemberId = member.Id,
            Score = row.Score,
            Points = points,
            RewardId = prize.RewardId,
            LedgerEntryId = entryId,
            AwardedAt = time.GetUtcNow(),
        };
        awards.Insert(award);
        // Every prize place is a win (winners are congratulated the same way), counted once per contest.
        achievements?.Record(s, member.Id, AchievementEvent.ContestWon(contest.Id, award.AwardedAt));
        outbox.EnqueueForMember(s, member.Id, texts => messages.Winner(texts, contest, award),
            ContestNotifier.DedupKey(contest.Id, "winner", member.Id), ContestNotifier.Topic(contest.Id));
        return true;
    }
}
