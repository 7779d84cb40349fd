using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Ledger;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members/{externalId}").WithTags("Ledger").RequireAuthorization(ApiRoles.Integration);
        group.MapGet("/ledger", Page);
        group.MapPost("/adjustments", Adjust).RequireAuthorization(ApiRoles.Manager);
        return group;
    }

    public static Results<Ok<LedgerPageResponse>, ProblemHttpResult> Page(
        string externalId, int? page, int? pageSize, MemberQueries members, LedgerQueries ledger)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        var member = members.ByExternalId(externalId);
        if (member is null)
        {
            return MemberErrors.Unknown(externalId).ToProblem();
        }

        var result = ledger.Page(member.Id, p, size);
        return TypedResults.Ok(new LedgerPageResponse(
            result.Items.Select(LedgerEntryResponse.From).ToArray(), result.Page, result.PageSize, result.Total));
    }

    /// <summary>201 with the entry; 200 with the original entry when the idempotency key was used before.</summary>
    public static async Task<Results<Created<LedgerEntryResponse>, Ok<LedgerEntryResponse>, ProblemHttpResult>> Adjust(
        string externalId, Adjustment request, PointsAdjustments adjustments, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await adjustments.AdjustAsync(externalId, request, context.User.Actor(), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var response = LedgerEntryResponse.From(result.Value.Entry);
        return result.Value.WasDuplicate
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/v1/members/{Uri.EscapeDataString(externalId)}/ledger", response);
    }
}
