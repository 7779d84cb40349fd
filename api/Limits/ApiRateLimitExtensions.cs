using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LoyaltyBot.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace LoyaltyBot.Api.Limits;

/// <summary>
/// Per-API-key rate limit on every <c>/api/v1</c> endpoint (ASP.NET Core rate limiting, one fixed window per key id).
/// Runs after authorization, so only authenticated requests count and the partition is the key that made them;
/// the webhooks, health and OpenAPI are not limited here (the chat has its own per-user limit).
/// </summary>
public static class ApiRateLimitExtensions
{
    public const string ApiPrefix = "/api/v1";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((limiter, configuration) =>
        {
            var options = configuration.GetSection(ApiRateLimitOptions.Section).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions();
            var window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                options.PermitLimit > 0 && KeyIdOf(http) is { } keyId
                    ? RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RejectAsync(context, window);
        });
        return services;
    }

    /// <summary>The authenticated key's id for an <c>/api/v1</c> request, else null (not limited by key).</summary>
    private static string? KeyIdOf(HttpContext http) =>
        http.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase)
            && http.User.Identity?.IsAuthenticated == true
            ? http.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = ProblemMapping.Create(
                StatusCodes.Status429TooManyRequests,
                "rate_limited",
                $"This API key made too many requests; retry in {seconds} s.",
                null),
        });
    }
}
