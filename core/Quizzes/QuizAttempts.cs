using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// Taking a quiz: one attempt per member per quiz, answers in order and never changed, time limits measured here,
/// points paid exactly once when the attempt ends. Every check and its write happen in one write operation.
/// </summary>
public sealed class QuizAttempts(
    IStoreWriter writer, PointsLedger ledger, MemberQueries members, TimeProvider time, IEnumerable<IQuizRewardObserver> observers, AchievementTracker? achievements = null)
{
    private readonly IQuizRewardObserver[] _observers = observers.ToArray();

    /// <summary>
    /// Starts the member's attempt, or resumes it at the next unanswered question (the question's time limit keeps
    /// running from when it was first shown), or shows the result of a finished one.
    /// </summary>
    public Task<QuizStep> BeginAsync(string memberId, string quizId, string actor, CancellationToken cancellationToken) =>
        writer.WriteAsync<QuizStep>(store =>
        {
            var quiz = store.Set<Quiz>().Get(quizId);
            var member = store.Set<Member>().Get(memberId);
            if (quiz is null || member is null)
            {
                return new QuizStep.Unavailable(QuizUnavailable.Unknown, quiz);
            }

            var attempts = store.Set<QuizAttempt>();
            var key = QuizAttempt.KeyOf(quizId, memberId);
            var attempt = attempts.FindOne(a => a.Key == key);
            if (attempt is { IsFinished: true })
            {
                return new QuizStep.Finished(quiz, attempt, member.Balance, JustEnded: false);
            }

            var now = time.GetUtcNow();
            switch (quiz.StatusAt(now))
            {
                case QuizStatus.Closed:
                    return attempt is null ? new QuizStep.Unavailable(QuizUnavailable.Closed, quiz) : Finish(store, quiz, attempt, AttemptEnd.Closed, actor);
                case QuizStatus.Scheduled:
                    return new QuizStep.Unavailable(QuizUnavailable.NotOpenYet, quiz);
            }

            if (attempt is null)
            {
                // The audience is checked when starting only: a member whose tier changes mid-attempt may finish.
                if (!quiz.Audience.Includes(members.Profile(member).Tier, member.Region))
                {
                    return new QuizStep.Unavailable(QuizUnavailable.NotInAudience, quiz);
                }

                attempt = new QuizAttempt { Id = StoreIds.New(), Key = key, QuizId = quizId, MemberId = memberId, StartedAt = now, ShownAt = now };
                attempts.Insert(attempt);
            }
            else if (attempt.ShownAt is null)
            {
                attempt = attempt with { ShownAt = now };
                attempts.Update(attempt);
            }

            return new QuizStep.Question(quiz, attempt, attempt.NextIndex);
        }, cancellationToken);

    /// <summary>
    /// Records the member's answer to question <paramref name="questionIndex"/> of attempt <paramref name="attemptId"/>
    /// if, and only if, it is their attempt and that question is the one shown and not yet answered.
    /// </summary>
    public Task<AnswerOutcome> AnswerAsync(
        string memberId, string attemptId, int questionIndex, string optionId, string actor, CancellationToken cancellationToken) =>
        writer.WriteAsync<AnswerOutcome>(store =>
        {
            var attempts = store.Set<QuizAttempt>();
            var attempt = attempts.Get(attemptId);
            var quiz = attempt is null ? null : store.Set<Quiz>().Get(attempt.QuizId);
            if (attempt is null || quiz is null || attempt.MemberId != memberId || questionIndex < 0 || questionIndex >= quiz.Questions.Count)
            {
                return new AnswerOutcome.Stale();
            }

            if (questionIndex < attempt.NextIndex)
            {
                return new AnswerOutcome.AlreadyAnswered(quiz, attempt, questionIndex);
            }

            if (attempt.IsFinished)
            {
                return new AnswerOutcome.Ended(new QuizStep.Finished(quiz, attempt, store.Set<Member>().Get(memberId)?.Balance ?? 0m, JustEnded: false));
            }

            // Only the question on screen can be answered: not one ahead, not one whose buttons were never shown.
            var option = quiz.Questions[questionIndex].Options.FirstOrDefault(o => o.Id == optionId);
            if (questionIndex > attempt.NextIndex || attempt.ShownAt is null || option is null)
            {
                return new AnswerOutcome.Stale();
            }

            var now = time.GetUtcNow();
            if (!quiz.IsOpenAt(now))
            {
                return new AnswerOutcome.Ended(Finish(store, quiz, attempt, AttemptEnd.Closed, actor));
            }

            var answer = new QuizAnswer
            {
                QuestionIndex = questionIndex,
                OptionId = option.Id,
                IsCorrect = option.IsCorrect,
                IsLate = quiz.TimeLimitSeconds is { } limit && now - attempt.ShownAt.Value > TimeSpan.FromSeconds(limit),
                ShownAt = attempt.ShownAt,
                AnsweredAt = now,
            };
            var answered = attempt with { Answers = [.. attempt.Answers, answer], ShownAt = null };
            if (answered.NextIndex == quiz.Questions.Count)
            {
                var result = Finish(store, quiz, answered, AttemptEnd.Completed, actor);
                return new AnswerOutcome.Recorded(quiz, result.Attempt, answer, result);
            }

            if (quiz.ShowExplanations == ExplanationTiming.AtEnd)
            {
                // The next question follows at once, so its clock starts now.
                answered = answered with { ShownAt = now };
                attempts.Update(answered);
                return new AnswerOutcome.Recorded(quiz, answered, answer, new QuizStep.Question(quiz, answered, answered.NextIndex));
            }

            attempts.Update(answered);
            return new AnswerOutcome.Recorded(quiz, answered, answer, null);
        }, cancellationToken);

    /// <summary>
    /// Inside a write operation: ends the attempt with the answers it has and pays its points once
    /// (ledger key <c>quiz:{quizId}:{memberId}</c>). Blocked members earn nothing.
    /// </summary>
    internal QuizStep.Finished Finish(IDocumentStore store, Quiz quiz, QuizAttempt attempt, AttemptEnd end, string actor)
    {
        var score = quiz.Scoring.Score(attempt.Answers.Count(a => a.Scores), quiz.Questions.Count);
        var member = store.Set<Member>().Get(attempt.MemberId);
        var points = member is { Status: MemberStatus.Active } ? score.Points : 0m;
        var balance = member?.Balance ?? 0m;
        if (points > 0)
        {
            var appended = ledger.Append(store, new LedgerPosting(
                attempt.MemberId,
                LedgerEntryKind.QuizReward,
                points,
                $"Quiz «{quiz.Title.Ru}»",
                $"quiz:{quiz.Id}",
                $"quiz:{quiz.Id}:{attempt.MemberId}",
                actor));
            if (appended.IsSuccess)
            {
                points = appended.Value.Entry.Amount;
                balance = appended.Value.WasDuplicate ? balance : appended.Value.Entry.BalanceAfter;
                if (!appended.Value.WasDuplicate)
                {
                    foreach (var observer in _observers)
                    {
                        observer.OnQuizRewarded(store, quiz, appended.Value.Entry);
                    }
                }
            }
        }

        var ended = attempt with
        {
            FinishedAt = time.GetUtcNow(),
            End = end,
            ShownAt = null,
            Correct = score.Correct,
            ScorePercent = score.Percent,
            Passed = score.Passed,
            PointsAwarded = points,
        };
        store.Set<QuizAttempt>().Update(ended);
        if (ended.Passed)
        {
            achievements?.Record(store, attempt.MemberId, AchievementEvent.QuizPassed(quiz.Id, ended.FinishedAt!.Value));
        }

        return new QuizStep.Finished(quiz, ended, balance, JustEnded: true);
    }
}
