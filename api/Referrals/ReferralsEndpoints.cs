using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Referrals;

/// <summary>The referral program for managers: the applications queue, a member's invitees and the program's funnel.</summary>
public static class ReferralsEndpoints
{
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapReferrals(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications").WithTags("Referrals").RequireAuthorization(ApiRoles.Manager);
        applications.MapGet("/", ListApplications);
        applications.MapGet("/{id}", GetApplication);
        applications.MapPost("/{id}/approve", Approve);
        applications.MapPost("/{id}/reject", Reject);

        var referrals = app.MapGroup("/api/v1").WithTags("Referrals").RequireAuthorization(ApiRoles.Manager);
        referrals.MapGet("/members/{externalId}/referrals", MemberReferrals);
        referrals.MapGet("/referrals/stats", Stats);
        return app;
    }

    /// <summary>Newest first; <c>status</c> is <c>pending</c>, <c>approved</c> or <c>rejected</c>.</summary>
    public static Results<Ok<ApplicationListResponse>, ProblemHttpResult> ListApplications(
        ReferralQueries queries, MemberQueries members, string? status, int? page, int? pageSize)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } pageError)
        {
            return pageError.ToProblem();
        }

        ApplicationStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ApplicationStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return DomainError.Invalid("status", Validate.InvalidValue, "'status' must be one of pending, approved, rejected.").ToProblem();
            }

            wanted = parsed;
        }

        var result = queries.Applications(wanted, p, size);
        return TypedResults.Ok(new ApplicationListResponse(
            result.Items.Select(a => ApplicationResponse.From(a, members.ById(a.ReferrerMemberId))).ToArray(), result.Page, result.PageSize, result.Total));
    }

    public static Results<Ok<ApplicationResponse>, ProblemHttpResult> GetApplication(string id, ReferralQueries queries, MemberQueries members)
    {
        var application = queries.Application(id);
        return application is null
            ? ReferralErrors.UnknownApplication(id).ToProblem()
            : TypedResults.Ok(ApplicationResponse.From(application, members.ById(application.ReferrerMemberId)));
    }

    /// <summary>
    /// Creates the member (external id from the body, else <c>REF-{number:000000}</c>), links the applicant's chat and pays
    /// the welcome bonus. 404 <c>unknown_application</c>, 409 <c>application_decided</c> / <c>duplicate_member</c> /
    /// <c>already_member</c>, 400 for a bad external id.
    /// </summary>
    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Approve(
        string id,
        ApproveApplicationRequest? request,
        ReferralApplications applications,
        MemberQueries members,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var approved = await applications.ApproveAsync(id, request?.ExternalId, context.User.Actor(), cancellationToken);
        return approved.IsSuccess
            ? TypedResults.Ok(ApplicationResponse.From(approved.Value, members.ById(approved.Value.ReferrerMemberId)))
            : approved.Error.ToProblem();
    }

    /// <summary>Rejects a pending application; the applicant is told, with the reason if one is given.</summary>
    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Reject(
        string id,
        RejectApplicationRequest? request,
        ReferralApplications applications,
        MemberQueries members,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var rejected = await applications.RejectAsync(id, request?.Reason, context.User.Actor(), cancellationToken);
        return rejected.IsSuccess
            ? TypedResults.Ok(ApplicationResponse.From(rejected.Value, members.ById(rejected.Value.ReferrerMemberId)))
            : rejected.Error.ToProblem();
    }

    /// <summary>
    /// The member's code and link (created on this first use, as <c>/invite</c> in chat would, so a CRM can hand out the
    /// link), funnel, and every chat that arrived through their link with its status.
    /// </summary>
    public static async Task<Results<Ok<MemberReferralsResponse>, ProblemHttpResult>> MemberReferrals(
        string externalId, MemberQueries members, ReferralQueries queries, ReferralCodes codes, IDeepLinks links, CancellationToken cancellationToken)
    {
        var member = members.ByExternalId(externalId);
        if (member is null)
        {
            return MemberErrors.Unknown(externalId).ToProblem();
        }

        var code = await codes.GetOrCreateAsync(member.Id, cancellationToken);
        return TypedResults.Ok(new MemberReferralsResponse(
            member.ExternalId,
            code,
            links.StartLink(ReferralCodes.LinkPrefix + code),
            ReferralFiguresResponse.From(queries.FiguresOf(member.Id)),
            queries.InviteesOf(member.Id).Select(InviteeResponse.From).ToArray()));
    }

    /// <summary>The funnel invited → registered → approved → qualified with its conversion, and the <c>top</c> (1–100, default 10) referrers.</summary>
    public static Results<Ok<ReferralStatsResponse>, ProblemHttpResult> Stats(ReferralQueries queries, int? top)
    {
        var count = top ?? 10;
        if (count is < 1 or > MaxTop)
        {
            return DomainError.Invalid("top", Validate.OutOfRange, $"'top' must be between 1 and {MaxTop}.").ToProblem();
        }

        var overview = queries.Overview(count);
        return TypedResults.Ok(new ReferralStatsResponse(
            ReferralFiguresResponse.From(overview.Totals),
            ConversionResponse.From(overview.Totals),
            overview.Top.Select(TopReferrerResponse.From).ToArray()));
    }
}
