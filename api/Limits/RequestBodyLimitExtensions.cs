using LoyaltyBot.Api.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace LoyaltyBot.Api.Limits;

/// <summary>
/// <c>Api:MaxRequestBodyBytes</c> for every request, whatever the server: a declared <c>Content-Length</c> over the
/// limit is refused at once with 413 <c>payload_too_large</c> (before authentication, nothing read); a body without
/// a length is cut off by the server's own limit (Kestrel's, set from the same key), which the exception handler
/// turns into the same problem.
/// </summary>
public static class RequestBodyLimitExtensions
{
    public const string Setting = "Api:MaxRequestBodyBytes";
    public const long DefaultBytes = 8 * 1024 * 1024;

    public static long MaxRequestBodyBytes(this IConfiguration configuration) =>
        configuration.GetValue<long?>(Setting) ?? DefaultBytes;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IConfiguration>().MaxRequestBodyBytes();
        return app.Use(async (http, next) =>
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Request.ContentLength > limit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemMapping.Create(
                        StatusCodes.Status413PayloadTooLarge,
                        "payload_too_large",
                        $"The request body exceeds the size limit of {limit} bytes.",
                        null),
                });
                return;
            }

            await next(http);
        });
    }
}
