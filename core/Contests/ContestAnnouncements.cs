using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The contest's scheduled announcements: the start, the reminders, and the notice of a cancellation. Each is
/// idempotent (outbox dedup keys, <see cref="Contest.StartAnnouncedAt"/>), so a scheduler may call them twice.
/// </summary>
public sealed class ContestAnnouncements(
    IStoreWriter writer,
    ContestQueries queries,
    ContestLeaderboards leaderboards,
    IContestMessages messages,
    ContestNotifier notifier,
    ContestOptions options,
    TimeProvider time)
{
    /// <summary>Rows of the standings shown in announcements.</summary>
    public const int TopRows = 5;

    /// <summary>
    /// Once the contest has started: tells its audience (dedup <c>contest:{id}:start:{memberId}</c>) and records
    /// <see cref="Contest.StartAnnouncedAt"/>. A start noticed only after the end, or not planned, is recorded as done
    /// without messages.
    /// </summary>
    public async Task<AnnouncementResult> AnnounceStartAsync(string contestId, CancellationToken cancellationToken)
    {
        var contest = queries.Get(contestId);
        var now = time.GetUtcNow();
        if (contest is null)
        {
            return new AnnouncementResult(AnnouncementOutcome.Unknown);
        }

        if (contest.CancelledAt is not null || contest.FrozenAt is not null)
        {
            return new AnnouncementResult(AnnouncementOutcome.Skipped);
        }

        if (now < contest.StartsAt)
        {
            return new AnnouncementResult(AnnouncementOutcome.NotDue);
        }

        if (contest.StartAnnouncedAt is not null)
        {
            return new AnnouncementResult(AnnouncementOutcome.AlreadyDone);
        }

        var result = new AnnouncementResult(AnnouncementOutcome.Skipped);
        if (contest.Announcements.AtStart && now < contest.EndsAt)
        {
            var sent = await QueueStandingsAsync(contest, "start", messages.Started, now, cancellationToken);
            result = new AnnouncementResult(AnnouncementOutcome.Sent, sent);
        }

        await writer.WriteAsync(store =>
        {
            var contests = store.Set<Contest>();
            var current = contests.Get(contestId);
            if (current is { StartAnnouncedAt: null })
            {
                contests.Update(current with { StartAnnouncedAt = time.GetUtcNow() });
            }

            return true;
        }, cancellationToken);
        return result;
    }

    /// <summary>
    /// A reminder planned for <paramref name="scheduledFor"/>: the standings to the audience while the contest runs
    /// (dedup <c>contest:{id}:reminder:{yyyyMMddTHHmm}:{memberId}</c>). Asked for more than
    /// <see cref="ContestOptions.ReminderStaleAfterMinutes"/> after its time, it is <see cref="AnnouncementOutcome.Stale"/> and skipped.
    /// The time left it names is as of its planned time (or now, if asked early), so «3 days before the end» says 3 days
    /// even when the scheduler runs it a moment late (<see cref="Contest.TimeLeftAt"/>).
    /// </summary>
    public async Task<AnnouncementResult> RemindAsync(string contestId, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var contest = queries.Get(contestId);
        var now = time.GetUtcNow();
        if (contest is null)
        {
            return new AnnouncementResult(AnnouncementOutcome.Unknown);
        }

        if (!contest.IsLiveAt(now))
        {
            return new AnnouncementResult(now < contest.StartsAt && contest.CancelledAt is null ? AnnouncementOutcome.NotDue : AnnouncementOutcome.Skipped);
        }

        if (now - scheduledFor > TimeSpan.FromMinutes(options.ReminderStaleAfterMinutes))
        {
            return new AnnouncementResult(AnnouncementOutcome.Stale);
        }

        var kind = $"reminder:{scheduledFor.UtcDateTime:yyyyMMdd'T'HHmm}";
        var asOf = scheduledFor < now ? scheduledFor : now;
        return new AnnouncementResult(AnnouncementOutcome.Sent, await QueueStandingsAsync(contest, kind, messages.Reminder, asOf, cancellationToken));
    }

    /// <summary>Tells the audience and the participants that the contest was cancelled (dedup <c>contest:{id}:cancelled:{memberId}</c>).</summary>
    public async Task<int> AnnounceCancelledAsync(Contest contest, CancellationToken cancellationToken) =>
        await notifier.QueueAsync(
            contest.Id,
            queries.AudienceAndParticipantsOf(contest),
            "cancelled",
            _ => texts => messages.Cancelled(texts, contest),
            c => c.CancelledAt is not null,
            cancellationToken);

    private Task<int> QueueStandingsAsync(
        Contest contest, string kind, Func<Texts, ContestStandings, DateTimeOffset, ChatMessage> compose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var board = leaderboards.Of(contest);
        var top = leaderboards.Lines(board.Top(TopRows));
        return notifier.QueueAsync(
            contest.Id,
            queries.AudienceAndParticipantsOf(contest),
            kind,
            memberId =>
            {
                var standings = leaderboards.Standings(contest, board, top, memberId);
                return texts => compose(texts, standings, now);
            },
            c => c.CancelledAt is null && c.FrozenAt is null,
            cancellationToken);
    }
}
