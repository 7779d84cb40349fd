namespace LoyaltyBot.Bot.Teams;

/// <summary>A user or bot in an activity (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>, a mention).</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }
}
