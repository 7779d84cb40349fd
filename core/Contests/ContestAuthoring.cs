using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Contests;

/// <summary>
/// Creates, edits and cancels contests, and keeps their schedule in step. Once a contest has started, what it counts
/// (<c>metric</c>), since when (<c>startsAt</c>) and for whom (<c>audience</c>) are fixed; texts, the end, prizes and
/// announcements may still change until it finishes. Scores count from creation on: earlier events are not back-filled.
/// </summary>
public sealed class ContestAuthoring(
    IStoreWriter writer,
    ContestValidator validator,
    IContestSchedule schedule,
    ContestAnnouncements announcements,
    TimeProvider time)
{
    public async Task<Result<Contest>> CreateAsync(ContestDraft? draft, string actor, CancellationToken cancellationToken)
    {
        var checkedContest = validator.Check(draft);
        if (!checkedContest.IsSuccess)
        {
            return checkedContest.Error;
        }

        var now = time.GetUtcNow();
        if (checkedContest.Value.EndsAt <= now)
        {
            return DomainError.Invalid("endsAt", Validate.OutOfRange, "'endsAt' must be in the future.");
        }

        var contest = checkedContest.Value with { Id = StoreIds.New(), CreatedAt = now, UpdatedAt = now, ChangedBy = actor };
        var created = await writer.WriteAsync<Result<Contest>>(store =>
        {
            if (ContestValidator.PrizeRewardGone(store, draft!, contest) is { } gone)
            {
                return gone;
            }

            store.Set<Contest>().Insert(contest);
            return contest;
        }, cancellationToken);
        if (created.IsSuccess)
        {
            await schedule.ScheduleAsync(contest, cancellationToken);
        }

        return created;
    }

    /// <summary>Replaces the contest and reschedules it; see the class remarks for what may change once it has started.</summary>
    public async Task<Result<Contest>> UpdateAsync(string id, ContestDraft? draft, string actor, CancellationToken cancellationToken)
    {
        var checkedContest = validator.Check(draft);
        if (!checkedContest.IsSuccess)
        {
            return checkedContest.Error;
        }

        var changed = checkedContest.Value;
        var updated = await writer.WriteAsync<Result<Contest>>(store =>
        {
            var contests = store.Set<Contest>();
            var current = contests.Get(id);
            if (current is null)
            {
                return ContestErrors.Unknown(id);
            }

            if (current.CancelledAt is not null)
            {
                return ContestErrors.Cancelled(id);
            }

            if (current.FrozenAt is not null || current.FinishedAt is not null)
            {
                return ContestErrors.Finished(id);
            }

            var now = time.GetUtcNow();
            if (now >= current.StartsAt && LockedDifference(current, changed) is { } field)
            {
                return ContestErrors.Locked(field);
            }

            if (changed.EndsAt <= now)
            {
                return DomainError.Invalid("endsAt", Validate.OutOfRange, "'endsAt' must be in the future.");
            }

            if (ContestValidator.PrizeRewardGone(store, draft!, changed) is { } gone)
            {
                return gone;
            }

            var replaced = changed with
            {
                Id = id,
                CreatedAt = current.CreatedAt,
                UpdatedAt = now,
                ChangedBy = actor,
                StartAnnouncedAt = current.StartAnnouncedAt,
            };
            contests.Update(replaced);
            return replaced;
        }, cancellationToken);
        if (updated.IsSuccess)
        {
            await schedule.ScheduleAsync(updated.Value, cancellationToken);
        }

        return updated;
    }

    /// <summary>
    /// Cancels the contest: no prizes, no more announcements; if it had started, its audience and participants are
    /// told. Cancelling again is harmless (and completes the notices of an interrupted first call).
    /// </summary>
    public async Task<Result<Contest>> CancelAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var cancelled = await writer.WriteAsync<Result<Contest>>(store =>
        {
            var contests = store.Set<Contest>();
            var current = contests.Get(id);
            if (current is null)
            {
                return ContestErrors.Unknown(id);
            }

            if (current.CancelledAt is not null)
            {
                return current;
            }

            if (current.FrozenAt is not null || current.FinishedAt is not null)
            {
                return ContestErrors.Finished(id);
            }

            var now = time.GetUtcNow();
            var changed = current with { CancelledAt = now, CancelledBy = actor, UpdatedAt = now, ChangedBy = actor };
            contests.Update(changed);
            return changed;
        }, cancellationToken);
        if (!cancelled.IsSuccess)
        {
            return cancelled;
        }

        await schedule.UnscheduleAsync(id, cancellationToken);
        if (cancelled.Value.CancelledAt >= cancelled.Value.StartsAt)
        {
            await announcements.AnnounceCancelledAsync(cancelled.Value, cancellationToken);
        }

        return cancelled;
    }

    private static string? LockedDifference(Contest current, Contest changed)
    {
        if (current.Metric != changed.Metric)
        {
            return "metric";
        }

        if (current.StartsAt != changed.StartsAt)
        {
            return "startsAt";
        }

        return current.Audience.Tiers.SequenceEqual(changed.Audience.Tiers) && current.Audience.Regions.SequenceEqual(changed.Audience.Regions)
            ? null
            : "audience";
    }
}
