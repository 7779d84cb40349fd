using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Paging;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Rewards;

/// <summary>The reward catalog: integrations read it, managers keep it.</summary>
public static class RewardsEndpoints
{
    public static RouteGroupBuilder MapRewards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rewards").WithTags("Rewards").RequireAuthorization(ApiRoles.Integration);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapGet("/{id}/image", GetImage);
        group.MapPost("/", Create).RequireAuthorization(ApiRoles.Manager);
        group.MapPut("/{id}", Replace).RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/{id}/deactivate", Deactivate).RequireAuthorization(ApiRoles.Manager);
        group.MapPost("/{id}/activate", Activate).RequireAuthorization(ApiRoles.Manager);
        group.MapDelete("/{id}", Delete).RequireAuthorization(ApiRoles.Manager);
        group.MapPut("/{id}/image", PutImage).RequireAuthorization(ApiRoles.Manager)
            .WithSummary("Sets the reward's image: the PNG or JPEG bytes as the body (any Content-Type), or a multipart/form-data file named 'image'.");
        group.MapPost("/{id}/image", PutImage).RequireAuthorization(ApiRoles.Manager)
            .WithSummary("Same as PUT /api/v1/rewards/{id}/image.");
        group.MapDelete("/{id}/image", DeleteImage).RequireAuthorization(ApiRoles.Manager);
        return group;
    }

    public static async Task<Results<Created<RewardResponse>, ProblemHttpResult>> Create(
        RewardDraft request, RewardCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await catalog.CreateAsync(request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        RewardETag.Write(context, result.Value);
        return TypedResults.Created($"/api/v1/rewards/{result.Value.Id}", RewardResponse.From(result.Value));
    }

    /// <summary>Filters: <c>active</c>, <c>category</c>, <c>tier</c> (rewards that tier may redeem); oldest first.</summary>
    public static Results<Ok<RewardListResponse>, ProblemHttpResult> List(
        RewardQueries rewards, TierLadder tiers, int? page, int? pageSize, bool? active, string? category, string? tier)
    {
        if (PageQuery.Check(page, pageSize, out var p, out var size) is { } error)
        {
            return error.ToProblem();
        }

        RewardCategory? parsedCategory = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            parsedCategory = Enum.GetValues<RewardCategory>()
                .Select(c => (RewardCategory?)c)
                .FirstOrDefault(c => string.Equals(c.ToString(), category.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parsedCategory is null)
            {
                return DomainError.Invalid("category", Validate.InvalidValue, "'category' must be one of discount, goods, giftCertificate, training, event, vip.").ToProblem();
            }
        }

        string? canonicalTier = null;
        if (!string.IsNullOrWhiteSpace(tier) && (canonicalTier = tiers.Normalize(tier.Trim())) is null)
        {
            return DomainError.Invalid("tier", Validate.InvalidValue, $"'tier' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.").ToProblem();
        }

        var result = rewards.List(new RewardFilter(active, parsedCategory, canonicalTier), p, size);
        return TypedResults.Ok(new RewardListResponse(result.Items.Select(RewardResponse.From).ToArray(), result.Page, result.PageSize, result.Total));
    }

    /// <summary>The reward, with its version as <c>ETag</c> for a conditional <c>PUT</c>.</summary>
    public static Results<Ok<RewardResponse>, ProblemHttpResult> Get(string id, RewardQueries rewards, HttpContext context)
    {
        if (rewards.Get(id) is not { } reward)
        {
            return (RewardErrors.RewardNotFound(id) with { Field = "id" }).ToProblem();
        }

        RewardETag.Write(context, reward);
        return TypedResults.Ok(RewardResponse.From(reward));
    }

    /// <summary>
    /// Replaces every editable field; fields left out are cleared (an absent stock means unlimited). With
    /// <c>If-Match</c> (the ETag of a read) only that version is replaced, else 412 <c>precondition_failed</c>.
    /// </summary>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> Replace(
        string id, RewardDraft request, RewardCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        return Map(await catalog.ReplaceAsync(id, request, RewardETag.Expected(context.Request), cancellationToken), context);
    }

    /// <summary>Hides the reward from members and refuses new redemptions; pending ones can still be fulfilled.</summary>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> Deactivate(
        string id, RewardCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        Map(await catalog.SetActiveAsync(id, active: false, cancellationToken), context);

    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> Activate(
        string id, RewardCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        Map(await catalog.SetActiveAsync(id, active: true, cancellationToken), context);

    /// <summary>
    /// 204 for a reward that was never redeemed and that no contest needs; 409 <c>reward_redeemed</c> or
    /// <c>reward_in_use</c> (naming the contests) otherwise (deactivate it instead).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, RewardCatalog catalog, CancellationToken cancellationToken)
    {
        var result = await catalog.DeleteAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>The body is the PNG or JPEG itself (or a multipart form with a file named <c>image</c>).</summary>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> PutImage(
        string id, HttpContext context, RewardCatalog catalog, RewardOptions options, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await RewardImageUpload.ReadAsync(context.Request, options.MaxImageBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await catalog.SetImageAsync(id, bytes!, cancellationToken);
        return result.IsSuccess ? Map(result, context) : RewardImageUpload.ToProblem(result.Error);
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetImage(string id, RewardQueries rewards)
    {
        if (rewards.Get(id) is null)
        {
            return (RewardErrors.RewardNotFound(id) with { Field = "id" }).ToProblem();
        }

        return rewards.Image(id) is { } image
            ? TypedResults.File(image.Bytes, image.ContentType, lastModified: image.UpdatedAt)
            : RewardErrors.NoImage(id).ToProblem();
    }

    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> DeleteImage(
        string id, RewardCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        Map(await catalog.RemoveImageAsync(id, cancellationToken), context);

    /// <summary>The changed reward with its new <c>ETag</c>, or the problem.</summary>
    private static Results<Ok<RewardResponse>, ProblemHttpResult> Map(Result<Reward> result, HttpContext context)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        RewardETag.Write(context, result.Value);
        return TypedResults.Ok(RewardResponse.From(result.Value));
    }
}
