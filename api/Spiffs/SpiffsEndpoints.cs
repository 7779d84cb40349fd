using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Spiffs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Spiffs;

/// <summary>SPIFFs (short-term sales incentives): integrations read them, managers define them.</summary>
public static class SpiffsEndpoints
{
    public static RouteGroupBuilder MapSpiffs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/spiffs").WithTags("SPIFFs").RequireAuthorization(ApiRoles.Integration);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/", Create).RequireAuthorization(ApiRoles.Manager);
        group.MapPut("/{id}", Replace).RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/{id}/deactivate", Deactivate).RequireAuthorization(ApiRoles.Manager);
        return group;
    }

    public static async Task<Results<Created<SpiffResponse>, ProblemHttpResult>> Create(
        SpiffDraft request, SpiffBook book, CancellationToken cancellationToken)
    {
        var result = await book.CreateAsync(request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/spiffs/{result.Value.Id}", SpiffResponse.Of(result.Value))
            : result.Error.ToProblem();
    }

    /// <summary>Newest first; <c>active</c> filters on the active flag.</summary>
    public static Ok<SpiffListResponse> List(SpiffQueries spiffs, bool? active) =>
        TypedResults.Ok(new SpiffListResponse(spiffs.List(active).Select(SpiffResponse.Of).ToArray()));

    public static Results<Ok<SpiffResponse>, ProblemHttpResult> Get(string id, SpiffQueries spiffs) =>
        spiffs.Get(id) is { } spiff ? TypedResults.Ok(SpiffResponse.Of(spiff)) : SpiffErrors.NotFound(id).ToProblem();

    /// <summary>Replaces every field; bonuses already paid are not recomputed.</summary>
    public static async Task<Results<Ok<SpiffResponse>, ProblemHttpResult>> Replace(
        string id, SpiffDraft request, SpiffBook book, CancellationToken cancellationToken) =>
        Map(await book.ReplaceAsync(id, request, cancellationToken));

    /// <summary>Ends the SPIFF now: later sales earn no bonus from it.</summary>
    public static async Task<Results<Ok<SpiffResponse>, ProblemHttpResult>> Deactivate(
        string id, SpiffBook book, CancellationToken cancellationToken) =>
        Map(await book.DeactivateAsync(id, cancellationToken));

    private static Results<Ok<SpiffResponse>, ProblemHttpResult> Map(Result<Spiff> result) =>
        result.IsSuccess ? TypedResults.Ok(SpiffResponse.Of(result.Value)) : result.Error.ToProblem();
}
