using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Achievements;

/// <summary>Achievement rules, kept by managers.</summary>
public static class AchievementsEndpoints
{
    public static RouteGroupBuilder MapAchievements(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/achievements").WithTags("Achievements").RequireAuthorization(ApiRoles.Manager);
        group.MapGet("/rules", List);
        group.MapGet("/rules/{id}", Get);
        group.MapPost("/rules", Create);
        group.MapPut("/rules/{id}", Replace);
        return group;
    }

    public static Ok<AchievementRuleListResponse> List(AchievementRuleBook rules) =>
        TypedResults.Ok(new AchievementRuleListResponse(rules.List().Select(AchievementRuleResponse.From).ToArray()));

    public static Results<Ok<AchievementRuleResponse>, ProblemHttpResult> Get(string id, AchievementRuleBook rules) =>
        rules.Get(id) is { } rule ? TypedResults.Ok(AchievementRuleResponse.From(rule)) : AchievementRuleBook.NotFound(id).ToProblem();

    public static async Task<Results<Created<AchievementRuleResponse>, ProblemHttpResult>> Create(
        AchievementRuleDraft request, AchievementRuleBook rules, CancellationToken cancellationToken)
    {
        var result = await rules.CreateAsync(request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/achievements/rules/{result.Value.Id}", AchievementRuleResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    /// <summary>Replaces every field (send <c>isActive: false</c> to retire a rule); badges already earned stay.</summary>
    public static async Task<Results<Ok<AchievementRuleResponse>, ProblemHttpResult>> Replace(
        string id, AchievementRuleDraft request, AchievementRuleBook rules, CancellationToken cancellationToken) =>
        Map(await rules.ReplaceAsync(id, request, cancellationToken));

    private static Results<Ok<AchievementRuleResponse>, ProblemHttpResult> Map(Result<AchievementRule> result) =>
        result.IsSuccess ? TypedResults.Ok(AchievementRuleResponse.From(result.Value)) : result.Error.ToProblem();
}
