using LoyaltyBot.Core.Auth;

namespace LoyaltyBot.Api.Auth;

/// <summary>Authorization policy names; each role includes the ones below it.</summary>
public static class ApiRoles
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string Integration = "integration";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static IEnumerable<string> Granted(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => [Admin, Manager, Integration],
        ApiKeyRole.Manager => [Manager, Integration],
        _ => [Integration],
    };
}
