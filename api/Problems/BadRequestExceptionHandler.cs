using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Diagnostics;

namespace LoyaltyBot.Api.Problems;

/// <summary>
/// Answers unreadable requests (malformed JSON, wrong types, unbindable query values, oversized
/// bodies) with a problem naming the field, and anything unexpected with a bare 500 problem:
/// never a stack trace.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                ProblemMapping.Create(413, "payload_too_large", "The request body exceeds the size limit.", null),
            BadHttpRequestException { InnerException: JsonException json } =>
                ProblemMapping.Create(400, ProblemMapping.MalformedJson, "The body is not valid JSON for this request: " + Describe(json), FieldOf(json)),
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
                ProblemMapping.Create(400, "missing_body", "A JSON body is required.", "body"),
            BadHttpRequestException bad when ParameterName().Match(bad.Message) is { Success: true } match =>
                ProblemMapping.Create(400, "invalid_value", $"'{match.Groups[1].Value}' has an invalid value.", match.Groups[1].Value),
            BadHttpRequestException bad =>
                ProblemMapping.Create(bad.StatusCode, "bad_request", "The request could not be read.", null),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = ProblemMapping.Create(500, "internal_error", "Something went wrong on our side; the request was not applied if it was not acknowledged.", null);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Names the field, or says whether the whole body is broken JSON or valid JSON of the wrong shape (an array, a string).</summary>
    private static string Describe(JsonException json) =>
        // The reader's own exception type is internal to System.Text.Json; it marks text that is not JSON at all.
        json.InnerException?.GetType().Name == "JsonReaderException" ? "check the syntax."
        : json.Path is { Length: > 1 } path ? $"check '{path.TrimStart('$', '.')}'."
        : "the body must be a JSON object with this endpoint's fields.";

    /// <summary>"$.sales[3].units" becomes "sales[3].units"; the root becomes "body".</summary>
    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";

    [GeneratedRegex("""parameter "\S+ (\w+)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
