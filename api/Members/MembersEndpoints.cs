using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Members;

public static class MembersEndpoints
{
    public static RouteGroupBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization(ApiRoles.Integration);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{externalId}", Get);
        group.MapPost("/{externalId}/block", Block).RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/{externalId}/unblock", Unblock).RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/{externalId}/roles", SetRoles).RequireAuthorization(ApiRoles.Admin);
        return group;
    }

    public static async Task<Results<Created<MemberResponse>, ProblemHttpResult>> Create(
        NewMemberRequest request,
        MemberRegistry registry,
        MemberQueries queries,
        IEnumerable<IMemberEnrolmentExtras> extras,
        CancellationToken cancellationToken)
    {
        var enrolled = await registry.EnrolAsync(
            new NewMember(request.ExternalId, request.Name, request.Region, request.Language, request.Kind), cancellationToken);
        if (!enrolled.IsSuccess)
        {
            return enrolled.Error.ToProblem();
        }

        var response = MemberResponse.From(queries.Profile(enrolled.Value));
        foreach (var extra in extras)
        {
            response = await extra.DecorateAsync(enrolled.Value, response, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/members/{Uri.EscapeDataString(enrolled.Value.ExternalId)}", response);
    }

    public static Results<Ok<MemberResponse>, ProblemHttpResult> Get(string externalId, MemberQueries queries)
    {
        var member = queries.ByExternalId(externalId);
        return member is null
            ? MemberErrors.Unknown(externalId).ToProblem()
            : TypedResults.Ok(MemberResponse.From(queries.Profile(member)));
    }

    public static Results<Ok<MemberListResponse>, ProblemHttpResult> List(
        MemberQueries queries, TierLadder tiers, int? page, int? pageSize, string? tier, string? region)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        string? canonicalTier = null;
        if (tier is not null && (canonicalTier = tiers.Normalize(tier)) is null)
        {
            return ProblemMapping.Problem(400, "invalid_value", $"'tier' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.", "tier");
        }

        var result = queries.List(p, size, canonicalTier, string.IsNullOrWhiteSpace(region) ? null : region.Trim());
        return TypedResults.Ok(new MemberListResponse(
            result.Items.Select(m => MemberResponse.From(queries.Profile(m))).ToArray(), result.Page, result.PageSize, result.Total));
    }

    public static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Block(
        string externalId, MemberRegistry registry, MemberQueries queries, CancellationToken cancellationToken) =>
        SetStatus(externalId, MemberStatus.Blocked, registry, queries, cancellationToken);

    public static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Unblock(
        string externalId, MemberRegistry registry, MemberQueries queries, CancellationToken cancellationToken) =>
        SetStatus(externalId, MemberStatus.Active, registry, queries, cancellationToken);

    /// <summary>Sets the member's chat roles: <c>{"roles": ["manager"]}</c> grants the manager commands in chat; <c>[]</c> removes them.</summary>
    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> SetRoles(
        string externalId, MemberRolesRequest request, MemberRegistry registry, MemberQueries queries, CancellationToken cancellationToken)
    {
        var result = await registry.SetRolesAsync(externalId, request.Roles, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(MemberResponse.From(queries.Profile(result.Value)))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> SetStatus(
        string externalId, MemberStatus status, MemberRegistry registry, MemberQueries queries, CancellationToken cancellationToken)
    {
        var result = await registry.SetStatusAsync(externalId, status, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(MemberResponse.From(queries.Profile(result.Value)))
            : result.Error.ToProblem();
    }
}
