namespace LoyaltyBot.Core.Auth;

/// <summary>Roles in increasing power: each role can do everything the ones before it can.</summary>
public enum ApiKeyRole
{
    Integration = 0,
    Manager = 1,
    Admin = 2,
}
