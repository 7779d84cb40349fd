using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Api.Identities;

/// <summary>A chat linked to a member: <c>id</c> is <c>{channel}:{channelUserId}</c>, the key for unlinking it.</summary>
public sealed record LinkedChatResponse(
    string Id, string Channel, string ChannelUserId, DateTimeOffset? LinkedAt, DateTimeOffset FirstSeenAt, DateTimeOffset? UnreachableSince)
{
    public static LinkedChatResponse From(ChatIdentity identity) => new(
        identity.Id, identity.Channel, identity.ChannelUserId, identity.LinkedAt, identity.FirstSeenAt, identity.UnreachableSince);
}
