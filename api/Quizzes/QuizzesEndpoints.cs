using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Quizzes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Quizzes;

public static class QuizzesEndpoints
{
    public static RouteGroupBuilder MapQuizzes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quizzes").WithTags("Quizzes").RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPut("/{id}", Update);
        group.MapGet("/{id}/stats", Stats);
        return group;
    }

    /// <summary>Creates a quiz; its audience is told through the chat when it opens.</summary>
    public static async Task<Results<Created<QuizCreatedResponse>, ProblemHttpResult>> Create(
        QuizDraft request, QuizAuthoring authoring, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await authoring.CreateAsync(request, context.User.Actor(), cancellationToken);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/quizzes/{created.Value.Id}", new QuizCreatedResponse(created.Value.Id))
            : created.Error.ToProblem();
    }

    /// <summary>Newest first.</summary>
    public static Results<Ok<QuizListResponse>, ProblemHttpResult> List(QuizQueries queries, TimeProvider time, int? page, int? pageSize)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        var now = time.GetUtcNow();
        var result = queries.List(p, size);
        return TypedResults.Ok(new QuizListResponse(
            result.Items.Select(q => QuizSummaryResponse.From(q, queries.HasAttempts(q.Id), now)).ToArray(), result.Page, result.PageSize, result.Total));
    }

    public static Results<Ok<QuizResponse>, ProblemHttpResult> Get(string id, QuizQueries queries, TimeProvider time)
    {
        var quiz = queries.Get(id);
        return quiz is null
            ? QuizErrors.Unknown(id).ToProblem()
            : TypedResults.Ok(QuizResponse.From(quiz, queries.HasAttempts(id), time.GetUtcNow()));
    }

    /// <summary>Replaces the quiz until someone starts it; after that only <c>closesAt</c> may differ (else 409 <c>quiz_locked</c>).</summary>
    public static async Task<Results<Ok<QuizResponse>, ProblemHttpResult>> Update(
        string id, QuizDraft request, QuizAuthoring authoring, QuizQueries queries, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await authoring.UpdateAsync(id, request, context.User.Actor(), cancellationToken);
        return updated.IsSuccess
            ? TypedResults.Ok(QuizResponse.From(updated.Value, queries.HasAttempts(id), time.GetUtcNow()))
            : updated.Error.ToProblem();
    }

    /// <summary>Participants, pass rate, average score and the correct rate of each question.</summary>
    public static Results<Ok<QuizStatsResponse>, ProblemHttpResult> Stats(string id, QuizQueries queries)
    {
        var stats = queries.Stats(id);
        return stats is null ? QuizErrors.Unknown(id).ToProblem() : TypedResults.Ok(QuizStatsResponse.From(stats));
    }
}
