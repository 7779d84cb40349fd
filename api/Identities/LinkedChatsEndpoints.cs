using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Identities;

/// <summary>The chats (Telegram, Teams users) linked to a member, and unlinking one (a lost phone, an employee who left).</summary>
public static class LinkedChatsEndpoints
{
    public static RouteGroupBuilder MapLinkedChats(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members/{externalId}/chats").WithTags("Linked chats").RequireAuthorization(ApiRoles.Manager);
        group.MapGet("", List);
        group.MapDelete("/{id}", Unlink);
        return group;
    }

    public static Results<Ok<LinkedChatListResponse>, ProblemHttpResult> List(string externalId, MemberQueries members, ChatIdentities identities)
    {
        var member = members.ByExternalId(externalId);
        if (member is null)
        {
            return MemberErrors.Unknown(externalId).ToProblem();
        }

        var chats = identities.OfMember(member.Id).OrderBy(i => i.LinkedAt).ThenBy(i => i.Id, StringComparer.Ordinal);
        return TypedResults.Ok(new LinkedChatListResponse(member.ExternalId, [.. chats.Select(LinkedChatResponse.From)]));
    }

    /// <summary>204; the chat is a stranger again and needs a new join code. 404 <c>chat_not_found</c> when it is not this member's.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Unlink(
        string externalId, string id, ChatIdentities identities, CancellationToken cancellationToken)
    {
        var unlinked = await identities.UnlinkAsync(externalId, id, cancellationToken);
        return unlinked.IsSuccess ? TypedResults.NoContent() : unlinked.Error.ToProblem();
    }
}
