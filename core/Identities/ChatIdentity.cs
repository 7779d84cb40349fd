namespace LoyaltyBot.Core.Identities;

/// <summary>A user on one chat channel, linked to at most one member. A member may have several.</summary>
public sealed record ChatIdentity
{
    /// <summary><c>{channel}:{channelUserId}</c>.</summary>
    public required string Id { get; init; }

    public required string Channel { get; init; }

    public required string ChannelUserId { get; init; }

    /// <summary>The private chat where proactive messages go.</summary>
    public required string ChatId { get; init; }

    public string? MemberId { get; init; }

    /// <summary>Language chosen before linking (the member's profile wins once linked).</summary>
    public string? Language { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>Set when the channel said the user blocked the bot; cleared when they write again.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }

    /// <summary>Channel-specific addressing needed for proactive messages (Teams: serviceUrl, tenant, bot id…).</summary>
    public Dictionary<string, string> Address { get; init; } = [];

    public static string KeyOf(string channel, string channelUserId) => $"{channel}:{channelUserId}";
}
