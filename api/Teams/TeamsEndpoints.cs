using System.Text.Json.Nodes;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Bot.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Teams;

public static class TeamsEndpoints
{
    /// <summary>
    /// <c>POST /api/messages</c>: the Bot Framework messaging endpoint, authenticated by the Bot Connector's JWT
    /// (not by an API key). Mapped only when <c>Teams:AppId</c> is configured; otherwise the path answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<TeamsOptions>().IsEnabled)
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints))
                .LogInformation("Microsoft Teams is off: no Teams:AppId is configured, so POST /api/messages is not mapped");
            return app;
        }

        app.MapPost("/api/messages", Receive)
            .WithTags("Teams")
            .WithSummary("Receives an activity from the Bot Framework Connector (Microsoft Teams).")
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Authenticates and handles the activity inline, then answers: 200 (with the invoke response body for card
    /// actions), 401 for a missing or invalid token, 403 for a token that does not vouch for the activity.
    /// </summary>
    public static async Task<Results<Ok, JsonHttpResult<JsonNode>, ProblemHttpResult>> Receive(
        HttpContext http, TeamsInbound inbound, IHostApplicationLifetime lifetime)
    {
        if (http.Request.ContentLength > TeamsInbound.MaxBodyBytes)
        {
            return TooLarge();
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > TeamsInbound.MaxBodyBytes)
            {
                return TooLarge();
            }

            body.Write(buffer, 0, read);
        }

        // Not the request's token: once an activity is accepted it is handled to the end, even if the connector hangs up.
        var result = await inbound.ProcessAsync(http.Request.Headers.Authorization.ToString(), body.GetBuffer().AsMemory(0, (int)body.Length), lifetime.ApplicationStopping);
        return result switch
        {
            { StatusCode: StatusCodes.Status200OK, Body: { } json } => TypedResults.Json(json),
            { StatusCode: StatusCodes.Status200OK } => TypedResults.Ok(),
            { StatusCode: StatusCodes.Status401Unauthorized } => ProblemMapping.Problem(
                StatusCodes.Status401Unauthorized, "invalid_connector_token", "The Bot Connector token is missing or invalid."),
            { StatusCode: StatusCodes.Status403Forbidden, Code: "tenant_not_allowed" } => ProblemMapping.Problem(
                StatusCodes.Status403Forbidden, "tenant_not_allowed", "Activities from this tenant are not accepted (Teams:AllowedTenants)."),
            { StatusCode: StatusCodes.Status403Forbidden } => ProblemMapping.Problem(
                StatusCodes.Status403Forbidden, "connector_token_mismatch", "The Bot Connector token does not vouch for this activity."),
            _ => ProblemMapping.Problem(StatusCodes.Status400BadRequest, "invalid_activity", "The body is not a Bot Framework activity."),
        };
    }

    private static ProblemHttpResult TooLarge() => ProblemMapping.Problem(
        StatusCodes.Status413PayloadTooLarge, "activity_too_large", $"An activity may have at most {TeamsInbound.MaxBodyBytes} bytes.");
}
