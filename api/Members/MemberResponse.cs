using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Api.Members;

/// <summary>A member with balance, tier and progress to the next tier.</summary>
public sealed record MemberResponse(
    string ExternalId,
    string Name,
    string? Region,
    string Language,
    MemberKind Kind,
    MemberStatus Status,
    string Tier,
    decimal Balance,
    long UnitsThisYear,
    string? NextTier,
    long? UnitsToNextTier,
    decimal? PointsToNextTier,
    DateTimeOffset CreatedAt)
{
    /// <summary>Chat roles, e.g. <c>manager</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Set on creation only: a single-use code the member types or follows to link a chat.</summary>
    public string? JoinCode { get; init; }

    /// <summary>Set on creation when the Telegram bot's username is known.</summary>
    public string? JoinLink { get; init; }

    public static MemberResponse From(MemberProfile profile) => new(
        profile.Member.ExternalId,
        profile.Member.Name,
        profile.Member.Region,
        profile.Member.Language,
        profile.Member.Kind,
        profile.Member.Status,
        profile.Tier,
        profile.Member.Balance,
        profile.UnitsThisYear,
        profile.NextTier?.Name,
        profile.NextTier?.UnitsNeeded,
        profile.NextTier?.PointsNeeded,
        profile.Member.CreatedAt)
    {
        Roles = profile.Member.Roles,
    };
}
