namespace LoyaltyBot.Core.Auth;

/// <summary>An API key. Only a salted hash of the secret is stored.</summary>
public sealed record ApiKey
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public ApiKeyRole Role { get; init; }

    public required string Salt { get; init; }

    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
