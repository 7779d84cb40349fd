using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Webhooks;

/// <summary>Outbound webhook subscriptions and their delivery log (admin).</summary>
public static class WebhooksEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(ApiRoles.Admin);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id}", Replace);
        group.MapDelete("/{id}", Delete);
        group.MapGet("/{id}/deliveries", Deliveries);
        return group;
    }

    public static Ok<WebhookSubscriptionListResponse> List(WebhookSubscriptions subscriptions) =>
        TypedResults.Ok(new WebhookSubscriptionListResponse(subscriptions.List().Select(s => WebhookSubscriptionResponse.Of(s, revealSecret: false)).ToArray()));

    public static Results<Ok<WebhookSubscriptionResponse>, ProblemHttpResult> Get(string id, WebhookSubscriptions subscriptions) =>
        subscriptions.Get(id) is { } s ? TypedResults.Ok(WebhookSubscriptionResponse.Of(s, revealSecret: false)) : WebhookSubscriptions.NotFound(id).ToProblem();

    /// <summary>The answer carries the secret (generated when none was sent): keep it to verify signatures.</summary>
    public static async Task<Results<Created<WebhookSubscriptionResponse>, ProblemHttpResult>> Create(
        WebhookSubscriptionDraft request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var result = await subscriptions.CreateAsync(request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/webhooks/{result.Value.Id}", WebhookSubscriptionResponse.Of(result.Value, revealSecret: true))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<WebhookSubscriptionResponse>, ProblemHttpResult>> Replace(
        string id, WebhookSubscriptionDraft request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var result = await subscriptions.ReplaceAsync(id, request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(WebhookSubscriptionResponse.Of(result.Value, revealSecret: request.Secret is not null))
            : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : WebhookSubscriptions.NotFound(id).ToProblem();

    /// <summary>The latest deliveries (default 50, at most 200), newest first, each with its attempts.</summary>
    public static Results<Ok<WebhookDeliveryListResponse>, ProblemHttpResult> Deliveries(string id, WebhookSubscriptions subscriptions, int? limit)
    {
        if (subscriptions.Get(id) is null)
        {
            return WebhookSubscriptions.NotFound(id).ToProblem();
        }

        if (limit is < 1 or > 200)
        {
            return DomainError.Invalid("limit", Validate.OutOfRange, "'limit' must be between 1 and 200.").ToProblem();
        }

        return TypedResults.Ok(new WebhookDeliveryListResponse(subscriptions.Deliveries(id, limit ?? 50).Select(WebhookDeliveryResponse.Of).ToArray()));
    }
}
