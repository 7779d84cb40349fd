using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Rewards;

/// <summary>Redemptions: managers fulfil or reject them; integrations (a web shop) redeem for members.</summary>
public static class RedemptionsEndpoints
{
    public static RouteGroupBuilder MapRedemptions(this IEndpointRouteBuilder app)
    {
        var forMember = app.MapGroup("/api/v1/members/{externalId}/redemptions").WithTags("Redemptions").RequireAuthorization(ApiRoles.Integration);
        forMember.MapPost("/", Redeem);
        forMember.MapGet("/", ListOfMember);
        forMember.MapPost("/{id}/cancel", Cancel);

        var group = app.MapGroup("/api/v1/redemptions").WithTags("Redemptions").RequireAuthorization(ApiRoles.Manager);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/approve", Approve);
        group.MapPost("/{id}/reject", Reject);
        return group;
    }

    /// <summary>201 with the pending redemption and the new balance; 200 with the same redemption for a repeated idempotency key.</summary>
    public static async Task<Results<Created<RedemptionResponse>, Ok<RedemptionResponse>, ProblemHttpResult>> Redeem(
        string externalId, NewRedemptionRequest request, Redemptions redemptions, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await redemptions.RedeemForAsync(externalId, request.RewardId, request.IdempotencyKey, context.User.Actor(), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var response = RedemptionResponse.From(result.Value.Redemption) with { Balance = result.Value.Balance };
        return result.Value.Replayed
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/v1/redemptions/{response.Id}", response);
    }

    /// <summary>The member's redemptions, newest first (or pending ones oldest first with <c>status=pending</c>).</summary>
    public static Results<Ok<RedemptionListResponse>, ProblemHttpResult> ListOfMember(
        string externalId, string? status, int? page, int? pageSize, MemberQueries members, RedemptionQueries redemptions)
    {
        var member = members.ByExternalId(externalId);
        return member is null
            ? MemberErrors.Unknown(externalId).ToProblem()
            : Page(redemptions, status, member.Id, page, pageSize);
    }

    /// <summary>The member (through the integration) withdraws a pending redemption: points and stock come back.</summary>
    public static async Task<Results<Ok<RedemptionResponse>, ProblemHttpResult>> Cancel(
        string externalId, string id, MemberQueries members, Redemptions redemptions, HttpContext context, CancellationToken cancellationToken)
    {
        var member = members.ByExternalId(externalId);
        if (member is null)
        {
            return MemberErrors.Unknown(externalId).ToProblem();
        }

        var result = await redemptions.CancelAsync(member.Id, id, identityId: null, context.User.Actor(), cancellationToken);
        return Map(result, members);
    }

    /// <summary><c>status</c>: pending, fulfilled, rejected or cancelled; <c>member</c>: an external id.</summary>
    public static Results<Ok<RedemptionListResponse>, ProblemHttpResult> List(
        string? status, string? member, int? page, int? pageSize, MemberQueries members, RedemptionQueries redemptions)
    {
        string? memberId = null;
        if (!string.IsNullOrWhiteSpace(member))
        {
            memberId = members.ByExternalId(member)?.Id;
            if (memberId is null)
            {
                return MemberErrors.Unknown(member, "member").ToProblem();
            }
        }

        return Page(redemptions, status, memberId, page, pageSize);
    }

    public static Results<Ok<RedemptionResponse>, ProblemHttpResult> Get(string id, RedemptionQueries redemptions) =>
        redemptions.Get(id) is { } redemption
            ? TypedResults.Ok(RedemptionResponse.From(redemption))
            : RewardErrors.RedemptionNotFound(id).ToProblem();

    /// <summary>Pending → fulfilled; the voucher and message (both optional) go to the member. Repeating it changes nothing.</summary>
    public static async Task<Results<Ok<RedemptionResponse>, ProblemHttpResult>> Approve(
        string id, ApproveRedemptionRequest? request, Redemptions redemptions, MemberQueries members, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await redemptions.ApproveAsync(id, request?.Voucher, request?.Message, context.User.Actor(), cancellationToken);
        return Map(result, members);
    }

    /// <summary>Pending → rejected with a reason: points refunded and stock returned, once however often it is called.</summary>
    public static async Task<Results<Ok<RedemptionResponse>, ProblemHttpResult>> Reject(
        string id, RejectRedemptionRequest request, Redemptions redemptions, MemberQueries members, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await redemptions.RejectAsync(id, request.Reason, context.User.Actor(), cancellationToken);
        return Map(result, members);
    }

    private static Results<Ok<RedemptionListResponse>, ProblemHttpResult> Page(
        RedemptionQueries redemptions, string? status, string? memberId, int? page, int? pageSize)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        RedemptionStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = Enum.GetValues<RedemptionStatus>()
                .Select(s => (RedemptionStatus?)s)
                .FirstOrDefault(s => string.Equals(s.ToString(), status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parsed is null)
            {
                return DomainError.Invalid("status", Validate.InvalidValue, "'status' must be one of pending, fulfilled, rejected, cancelled.").ToProblem();
            }
        }

        var result = redemptions.List(parsed, memberId, p, size);
        return TypedResults.Ok(new RedemptionListResponse(
            result.Items.Select(RedemptionResponse.From).ToArray(), result.Page, result.PageSize, result.Total));
    }

    private static Results<Ok<RedemptionResponse>, ProblemHttpResult> Map(Result<RedemptionUpdate> result, MemberQueries members)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var redemption = result.Value.Redemption;
        return TypedResults.Ok(RedemptionResponse.From(redemption) with { Balance = members.ById(redemption.MemberId)?.Balance });
    }
}
