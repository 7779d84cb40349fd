using System.Security.Claims;

namespace LoyaltyBot.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The ledger's actor for a request: <c>api-key:{id}</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        $"api-key:{user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown"}";
}
