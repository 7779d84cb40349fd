using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Sales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Sales;

public static class SalesEndpoints
{
    public static RouteGroupBuilder MapSales(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sales").WithTags("Sales").RequireAuthorization(ApiRoles.Integration);
        group.MapPost("/", Record);
        group.MapPost("/batch", RecordBatch).AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            // The body is bound item by item (SaleBatchBody); describe it as the sales it holds.
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Schema = await context.GetOrCreateSchemaAsync(typeof(SaleBatchRequest), null, cancellationToken);
            }
        });
        return group;
    }

    /// <summary>
    /// 201 for a new sale, 200 with the original result for an identical replay, 409 for a conflicting one.
    /// The 201 has no <c>Location</c>: no route serves a single sale (its points are in the member's ledger).
    /// </summary>
    public static async Task<Results<Created<SaleResponse>, Ok<SaleResponse>, ProblemHttpResult>> Record(
        SaleRequest request, SaleRecorder recorder, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await recorder.RecordAsync(request, context.User.Actor(), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var response = SaleResponse.From(result.Value);
        return result.Value.Replayed
            ? TypedResults.Ok(response)
            : TypedResults.Created((string?)null, response);
    }

    /// <summary>
    /// Up to 10,000 sales; valid ones commit even when others are rejected, including items that cannot be read
    /// (a date in another format, a number as text); durable when this returns.
    /// </summary>
    public static async Task<Results<Ok<SaleBatchResponse>, ProblemHttpResult>> RecordBatch(
        SaleBatchBody request, SaleRecorder recorder, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Sales is null)
        {
            return DomainError.Invalid("sales", Validate.MissingField, "'sales' is required.").ToProblem();
        }

        if (request.Sales.Count is 0 or > SaleRecorder.MaxBatch)
        {
            return DomainError.Invalid("sales", Validate.OutOfRange, $"'sales' must hold between 1 and {SaleRecorder.MaxBatch:N0} items.").ToProblem();
        }

        var recorded = await SaleBatchItems.RecordAsync(request.Sales, recorder, context.User.Actor(), cancellationToken);
        if (!recorded.IsSuccess)
        {
            return recorded.Error.ToProblem();
        }

        var items = recorded.Value.Select(o => new SaleBatchItem(
            o.Id,
            o.Status,
            o.Receipt?.PointsEarned,
            o.Receipt?.Balance,
            o.Receipt?.Tier,
            o.Error is null ? null : new SaleBatchError(o.Error.Code, o.Error.Message, o.Error.Field))).ToArray();
        return TypedResults.Ok(new SaleBatchResponse(
            items,
            items.Count(i => i.Status == SaleItemStatus.Created),
            items.Count(i => i.Status == SaleItemStatus.Duplicate),
            items.Count(i => i.Status == SaleItemStatus.Rejected)));
    }
}
