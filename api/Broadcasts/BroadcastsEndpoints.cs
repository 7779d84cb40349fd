using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Broadcasts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>Manager broadcasts: create (now or at a time), follow, list, cancel.</summary>
public static class BroadcastsEndpoints
{
    public static RouteGroupBuilder MapBroadcasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/broadcasts").WithTags("Broadcasts").RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/cancel", Cancel);
        return group;
    }

    /// <summary>201 with the audience size; 400 naming the field (invalid_html, text_too_long, invalid_image, send_time_in_past…), 422 empty_audience.</summary>
    public static async Task<Results<Created<BroadcastCreatedResponse>, ProblemHttpResult>> Create(
        BroadcastDraft request, BroadcastCampaigns campaigns, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await campaigns.CreateAsync(request, context.User.Actor(), reportTo: null, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created(
                $"/api/v1/broadcasts/{result.Value.Id}",
                new BroadcastCreatedResponse(result.Value.Id, result.Value.Status, result.Value.Recipients, result.Value.SendAt))
            : result.Error.ToProblem();
    }

    public static Results<Ok<BroadcastResponse>, ProblemHttpResult> Get(string id, BroadcastQueries queries) =>
        queries.Get(id) is { } broadcast
            ? TypedResults.Ok(BroadcastResponse.From(broadcast, queries.Counts(id)))
            : BroadcastErrors.NotFound(id).ToProblem();

    /// <summary>Newest first.</summary>
    public static Results<Ok<BroadcastListResponse>, ProblemHttpResult> List(BroadcastQueries queries, int? page, int? pageSize)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        var result = queries.List(p, size);
        var items = result.Items.Select(b => BroadcastResponse.From(b, queries.Counts(b.Id))).ToArray();
        return TypedResults.Ok(new BroadcastListResponse(items, result.Page, result.PageSize, result.Total));
    }

    /// <summary>Stops what is not yet sent; 409 for a finished or cancelled campaign.</summary>
    public static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> Cancel(
        string id, BroadcastCampaigns campaigns, BroadcastQueries queries, CancellationToken cancellationToken)
    {
        var result = await campaigns.CancelAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(BroadcastResponse.From(result.Value, queries.Counts(id))) : result.Error.ToProblem();
    }
}
