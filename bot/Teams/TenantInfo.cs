namespace LoyaltyBot.Bot.Teams;

/// <summary>The Microsoft Entra tenant of a Teams conversation.</summary>
internal sealed record TenantInfo
{
    public string? Id { get; init; }
}
