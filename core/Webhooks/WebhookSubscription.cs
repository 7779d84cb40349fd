namespace LoyaltyBot.Core.Webhooks;

/// <summary>An endpoint of a CRM/ERP that receives signed events of the chosen types.</summary>
public sealed record WebhookSubscription
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    /// <summary>Key of the HMAC-SHA256 signature of each body.</summary>
    public required string Secret { get; init; }

    public List<string> EventTypes { get; init; } = [];

    public bool IsActive { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
