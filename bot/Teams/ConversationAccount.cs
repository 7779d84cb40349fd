namespace LoyaltyBot.Bot.Teams;

/// <summary>The conversation of an activity: personal chat, group chat or channel (thread).</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> (absent in old activities: see IsGroup).</summary>
    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }
}
