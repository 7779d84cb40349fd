namespace LoyaltyBot.Core.Members;

/// <summary>Units a member sold in one program year: the basis of earning brackets and tiers.</summary>
public sealed record MemberUnits
{
    /// <summary><c>{memberId}:{year}</c>.</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public int Year { get; init; }

    public long Units { get; init; }

    public static string KeyOf(string memberId, int year) => $"{memberId}:{year}";
}
