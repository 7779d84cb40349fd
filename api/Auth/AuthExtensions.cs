using LoyaltyBot.Core.Auth;
using Microsoft.AspNetCore.Authentication;

namespace LoyaltyBot.Api.Auth;

public static class AuthExtensions
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiRoles.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiRoles.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.Integration, p => p.RequireRole(ApiRoles.Integration))
            .AddPolicy(ApiRoles.Manager, p => p.RequireRole(ApiRoles.Manager))
            .AddPolicy(ApiRoles.Admin, p => p.RequireRole(ApiRoles.Admin));
        return services;
    }

    /// <summary>
    /// Stores the hash of <c>Auth:AdminKey</c>, or on a fresh store without it generates an admin key
    /// and prints it once to standard output (not to the log).
    /// </summary>
    public static async Task EnsureAdminKeyAsync(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<ApiKeys>();
        var generated = await keys.EnsureAdminAsync(app.Configuration["Auth:AdminKey"], CancellationToken.None);
        if (generated is not null)
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine(" No Auth:AdminKey was configured, so an admin API key was generated.");
            Console.WriteLine(" It is shown only this once; only its hash is stored:");
            Console.WriteLine();
            Console.WriteLine($"   {generated}");
            Console.WriteLine();
            Console.WriteLine(" Send it as the X-Api-Key header. Create more keys with POST /api/v1/api-keys.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
    }
}
