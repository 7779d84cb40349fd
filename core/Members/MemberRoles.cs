namespace LoyaltyBot.Core.Members;

/// <summary>Roles a member can hold in chat.</summary>
public static class MemberRoles
{
    /// <summary>Fulfils redemptions, approves applications, sends broadcasts… from the chat.</summary>
    public const string Manager = "manager";

    public static IReadOnlyList<string> All { get; } = [Manager];
}
