using LoyaltyBot.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Health").AllowAnonymous();
        return app;
    }

    public static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Check(LiteStore store) =>
        store.IsReachable()
            ? TypedResults.Ok(new HealthResponse("healthy"))
            : TypedResults.Json(new HealthResponse("unhealthy"), statusCode: StatusCodes.Status503ServiceUnavailable);
}
