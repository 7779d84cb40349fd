using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Api.Members;

/// <summary>Lets another feature add to the creation response (the chat feature adds the join code and link).</summary>
public interface IMemberEnrolmentExtras
{
    Task<MemberResponse> DecorateAsync(Member member, MemberResponse response, CancellationToken cancellationToken);
}
