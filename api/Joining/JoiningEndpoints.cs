using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Members;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Joining;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Joining;

public static class JoiningEndpoints
{
    public static IServiceCollection AddJoining(this IServiceCollection services) =>
        services.AddSingleton<IMemberEnrolmentExtras, JoinCodeEnrolmentExtras>();

    public static RouteGroupBuilder MapJoining(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members/{externalId}").WithTags("Joining").RequireAuthorization(ApiRoles.Integration);
        group.MapPost("/join-code", Issue);
        group.MapDelete("/join-codes", Revoke).RequireAuthorization(ApiRoles.Manager);
        return group;
    }

    /// <summary>Withdraws the member's unused join codes; 200 with how many could still have been redeemed.</summary>
    public static async Task<Results<Ok<RevokedJoinCodesResponse>, ProblemHttpResult>> Revoke(
        string externalId, JoinCodes codes, CancellationToken cancellationToken)
    {
        var revoked = await codes.RevokeAsync(externalId, cancellationToken);
        return revoked.IsSuccess
            ? TypedResults.Ok(new RevokedJoinCodesResponse(externalId, revoked.Value))
            : revoked.Error.ToProblem();
    }

    /// <summary>Issues a new single-use join code (earlier unused codes stay valid until they expire or are revoked).</summary>
    public static async Task<Results<Created<JoinCodeResponse>, ProblemHttpResult>> Issue(
        string externalId, JoinCodes codes, IDeepLinks links, CancellationToken cancellationToken)
    {
        var issued = await codes.IssueAsync(externalId, cancellationToken);
        if (!issued.IsSuccess)
        {
            return issued.Error.ToProblem();
        }

        return TypedResults.Created(
            $"/api/v1/members/{Uri.EscapeDataString(externalId)}",
            new JoinCodeResponse(externalId, issued.Value.Code, links.StartLink($"join_{issued.Value.Code}"), issued.Value.ExpiresAt));
    }
}
