using LoyaltyBot.Api.Members;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Joining;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Api.Joining;

/// <summary>Adds a fresh join code (and the Telegram join link, when the bot is known) to the creation response.</summary>
internal sealed class JoinCodeEnrolmentExtras(JoinCodes codes, IDeepLinks links) : IMemberEnrolmentExtras
{
    public async Task<MemberResponse> DecorateAsync(Member member, MemberResponse response, CancellationToken cancellationToken)
    {
        var issued = await codes.IssueAsync(member.ExternalId, cancellationToken);
        return issued.IsSuccess
            ? response with { JoinCode = issued.Value.Code, JoinLink = links.StartLink($"join_{issued.Value.Code}") }
            : response;
    }
}
