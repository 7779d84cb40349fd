using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>Creates and edits quizzes. Content is frozen by the first attempt; the closing time can move until it has passed.</summary>
public sealed class QuizAuthoring(IStoreWriter writer, QuizValidator validator, TimeProvider time)
{
    public Task<Result<Quiz>> CreateAsync(QuizDraft? draft, string actor, CancellationToken cancellationToken)
    {
        var checkedQuiz = validator.Check(draft);
        if (!checkedQuiz.IsSuccess)
        {
            return Task.FromResult<Result<Quiz>>(checkedQuiz.Error);
        }

        var now = time.GetUtcNow();
        if (checkedQuiz.Value.ClosesAt <= now)
        {
            return Task.FromResult<Result<Quiz>>(
                DomainError.Invalid("closesAt", Validate.OutOfRange, "'closesAt' must be in the future."));
        }

        var quiz = checkedQuiz.Value with { Id = StoreIds.New(), CreatedAt = now, UpdatedAt = now, ChangedBy = actor };
        return writer.WriteAsync<Result<Quiz>>(store =>
        {
            store.Set<Quiz>().Insert(quiz);
            return quiz;
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the quiz. Before anyone started it, anything may change (option ids are issued anew); after that,
    /// a replacement whose content differs in anything but <c>closesAt</c> is refused with <c>quiz_locked</c>.
    /// </summary>
    public Task<Result<Quiz>> UpdateAsync(string id, QuizDraft? draft, string actor, CancellationToken cancellationToken)
    {
        var checkedQuiz = validator.Check(draft);
        if (!checkedQuiz.IsSuccess)
        {
            return Task.FromResult<Result<Quiz>>(checkedQuiz.Error);
        }

        var changed = checkedQuiz.Value;
        return writer.WriteAsync<Result<Quiz>>(store =>
        {
            var quizzes = store.Set<Quiz>();
            var current = quizzes.Get(id);
            if (current is null)
            {
                return QuizErrors.Unknown(id);
            }

            var now = time.GetUtcNow();
            if (current.StatusAt(now) == QuizStatus.Closed)
            {
                return QuizErrors.Closed(id);
            }

            Quiz updated;
            if (store.Set<QuizAttempt>().Exists(a => a.QuizId == id))
            {
                if (QuizChanges.FirstDifference(current, changed) is { } field)
                {
                    return QuizErrors.Locked(field);
                }

                updated = current with { ClosesAt = changed.ClosesAt };
            }
            else
            {
                updated = changed with { Id = id, CreatedAt = current.CreatedAt, AnnouncedAt = current.AnnouncedAt };
            }

            updated = updated with { UpdatedAt = now, ChangedBy = actor };
            quizzes.Update(updated);
            return updated;
        }, cancellationToken);
    }
}
