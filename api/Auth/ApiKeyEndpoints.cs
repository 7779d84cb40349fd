using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Auth;

public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(ApiRoles.Admin);
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapDelete("/{id}", Revoke);
        return group;
    }

    public static async Task<Results<Created<IssuedApiKeyResponse>, ProblemHttpResult>> Create(
        NewApiKeyRequest request, ApiKeys keys, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await keys.IssueAsync(request.Name, request.Role, context.User.Actor(), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var key = result.Value.Key;
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new IssuedApiKeyResponse(key.Id, key.Name, RoleName(key.Role), key.CreatedAt, result.Value.Secret));
    }

    public static Ok<ApiKeyResponse[]> List(ApiKeys keys) => TypedResults.Ok(keys.List().Select(Response).ToArray());

    /// <summary>One key without its secret (where a created key's <c>Location</c> points).</summary>
    public static Results<Ok<ApiKeyResponse>, ProblemHttpResult> Get(string id, ApiKeys keys) =>
        keys.Get(id) is { } key
            ? TypedResults.Ok(Response(key))
            : ApiKeys.Unknown(id).ToProblem();

    private static ApiKeyResponse Response(ApiKey k) => new(k.Id, k.Name, RoleName(k.Role), k.CreatedAt, k.RevokedAt);

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, ApiKeys keys, CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static string RoleName(ApiKeyRole role) => role.ToString().ToLowerInvariant();
}
