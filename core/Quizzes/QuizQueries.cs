using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>Reads quizzes, attempts and figures; never waits for the writer.</summary>
public sealed class QuizQueries(IDocumentStore store, MemberQueries members, TimeProvider time)
{
    public Quiz? Get(string id) => store.Set<Quiz>().Get(id);

    /// <summary>Newest first.</summary>
    public QuizPage List(int page, int pageSize)
    {
        var quizzes = store.Set<Quiz>();
        var items = quizzes.FindOrdered(null, q => q.Id, descending: true, (page - 1) * pageSize, pageSize);
        return new QuizPage(items, page, pageSize, quizzes.Count());
    }

    public bool HasAttempts(string quizId) => store.Set<QuizAttempt>().Exists(a => a.QuizId == quizId);

    public QuizAttempt? AttemptOf(string quizId, string memberId)
    {
        var key = QuizAttempt.KeyOf(quizId, memberId);
        return store.Set<QuizAttempt>().FindOne(a => a.Key == key);
    }

    /// <summary>Whether the member belongs to the quiz's audience: tier by units sold this year, and region.</summary>
    public bool IsInAudience(Quiz quiz, Member member) =>
        quiz.Audience.Includes(members.Profile(member).Tier, member.Region);

    /// <summary>Open quizzes for the member that they have not finished, closing soonest first.</summary>
    public IReadOnlyList<QuizOffer> OpenFor(Member member)
    {
        var now = time.GetUtcNow();
        var tier = members.Profile(member).Tier;
        var attempts = store.Set<QuizAttempt>().Find(a => a.MemberId == member.Id).ToDictionary(a => a.QuizId, StringComparer.Ordinal);
        return store.Set<Quiz>().All()
            .Where(q => q.IsOpenAt(now) && q.Audience.Includes(tier, member.Region))
            .Select(q => new QuizOffer(q, attempts.GetValueOrDefault(q.Id)))
            .Where(o => o.Attempt is not { IsFinished: true })
            .OrderBy(o => o.Quiz.ClosesAt)
            .ToArray();
    }

    public QuizStats? Stats(string quizId)
    {
        var quiz = Get(quizId);
        if (quiz is null)
        {
            return null;
        }

        var attempts = store.Set<QuizAttempt>().Find(a => a.QuizId == quizId);
        var finished = attempts.Where(a => a.IsFinished).ToArray();
        var passed = finished.Count(a => a.Passed);
        var questions = quiz.Questions.Select((_, index) =>
        {
            var answers = attempts.SelectMany(a => a.Answers).Where(x => x.QuestionIndex == index).ToArray();
            var correct = answers.Count(x => x.Scores);
            return new QuestionStats(index, answers.Length, correct, QuizScore.PercentOf(correct, answers.Length));
        }).ToArray();
        return new QuizStats(
            quiz.Id,
            attempts.Count,
            finished.Length,
            passed,
            QuizScore.PercentOf(passed, finished.Length),
            // Every attempt has the same number of questions, so the mean of the scores is all correct answers over all questions asked.
            QuizScore.PercentOf(finished.Sum(a => a.Correct), finished.Length * quiz.Questions.Count),
            finished.Sum(a => a.PointsAwarded),
            questions);
    }
}
