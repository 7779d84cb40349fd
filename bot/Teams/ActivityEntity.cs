namespace LoyaltyBot.Bot.Teams;

/// <summary>An entity of an activity: a <c>mention</c> (with the mentioned account and its <c>&lt;at&gt;</c> text) or <c>clientInfo</c>.</summary>
internal sealed record ActivityEntity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }
}
