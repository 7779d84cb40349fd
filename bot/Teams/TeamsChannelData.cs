namespace LoyaltyBot.Bot.Teams;

/// <summary>The Teams-specific <c>channelData</c> of an activity; only the tenant is needed.</summary>
internal sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
}
