using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Contests;

public static class ContestsEndpoints
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;

    public static RouteGroupBuilder MapContests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contests").WithTags("Contests").RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPut("/{id}", Update);
        group.MapPost("/{id}/cancel", Cancel);
        group.MapGet("/{id}/leaderboard", Leaderboard);
        return group;
    }

    /// <summary>Creates a contest and schedules its announcements and its finish.</summary>
    public static async Task<Results<Created<ContestCreatedResponse>, ProblemHttpResult>> Create(
        ContestDraft request, ContestAuthoring authoring, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await authoring.CreateAsync(request, context.User.Actor(), cancellationToken);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/contests/{created.Value.Id}", new ContestCreatedResponse(created.Value.Id))
            : created.Error.ToProblem();
    }

    /// <summary>Newest first.</summary>
    public static Results<Ok<ContestListResponse>, ProblemHttpResult> List(ContestQueries queries, TimeProvider time, int? page, int? pageSize)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        var now = time.GetUtcNow();
        var result = queries.List(p, size);
        return TypedResults.Ok(new ContestListResponse(
            result.Items.Select(c => ContestSummaryResponse.From(c, queries.ParticipantsOf(c.Id), now)).ToArray(), result.Page, result.PageSize, result.Total));
    }

    public static Results<Ok<ContestResponse>, ProblemHttpResult> Get(
        string id, ContestQueries queries, ContestLeaderboards leaderboards, MemberQueries members, TimeProvider time)
    {
        var contest = queries.Get(id);
        return contest is null ? ContestErrors.Unknown(id).ToProblem() : TypedResults.Ok(Response(contest, queries, leaderboards, members, time));
    }

    /// <summary>Replaces the contest and reschedules it. Once it has started, <c>metric</c>, <c>startsAt</c> and <c>audience</c> are fixed (409 <c>contest_locked</c>).</summary>
    public static async Task<Results<Ok<ContestResponse>, ProblemHttpResult>> Update(
        string id,
        ContestDraft request,
        ContestAuthoring authoring,
        ContestQueries queries,
        ContestLeaderboards leaderboards,
        MemberQueries members,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var updated = await authoring.UpdateAsync(id, request, context.User.Actor(), cancellationToken);
        return updated.IsSuccess ? TypedResults.Ok(Response(updated.Value, queries, leaderboards, members, time)) : updated.Error.ToProblem();
    }

    /// <summary>Cancels the contest: its jobs are unscheduled, no prizes are paid, and (if it had started) its participants are told.</summary>
    public static async Task<Results<Ok<ContestResponse>, ProblemHttpResult>> Cancel(
        string id,
        ContestAuthoring authoring,
        ContestQueries queries,
        ContestLeaderboards leaderboards,
        MemberQueries members,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var cancelled = await authoring.CancelAsync(id, context.User.Actor(), cancellationToken);
        return cancelled.IsSuccess ? TypedResults.Ok(Response(cancelled.Value, queries, leaderboards, members, time)) : cancelled.Error.ToProblem();
    }

    /// <summary>The standings: <c>top</c> rows (1–100, default 10); with <c>member</c> (an externalId) also that member's row and gap.</summary>
    public static Results<Ok<LeaderboardResponse>, ProblemHttpResult> Leaderboard(
        string id, int? top, string? member, ContestQueries queries, ContestLeaderboards leaderboards, MemberQueries members, TimeProvider time)
    {
        var count = top ?? DefaultTop;
        if (count is < 1 or > MaxTop)
        {
            return DomainError.Invalid("top", Validate.OutOfRange, $"'top' must be between 1 and {MaxTop}.").ToProblem();
        }

        var contest = queries.Get(id);
        if (contest is null)
        {
            return ContestErrors.Unknown(id).ToProblem();
        }

        string? memberId = null;
        if (member is not null)
        {
            memberId = members.ByExternalId(member)?.Id;
            if (memberId is null)
            {
                return MemberErrors.Unknown(member, "member").ToProblem();
            }
        }

        return TypedResults.Ok(LeaderboardResponse.From(leaderboards.Standings(contest, count, memberId), time.GetUtcNow()));
    }

    private static ContestResponse Response(Contest contest, ContestQueries queries, ContestLeaderboards leaderboards, MemberQueries members, TimeProvider time)
    {
        var awards = queries.AwardsOf(contest.Id)
            .Select(a =>
            {
                var member = members.ById(a.MemberId);
                return new ContestAwardResponse(a.Place, member?.ExternalId ?? string.Empty, member?.Name ?? string.Empty, a.Score, a.Points, a.RewardId, a.AwardedAt);
            })
            .ToArray();
        return ContestResponse.From(contest, leaderboards.Of(contest).Count, awards, time.GetUtcNow());
    }
}
