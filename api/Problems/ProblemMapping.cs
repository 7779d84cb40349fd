using LoyaltyBot.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LoyaltyBot.Api.Problems;

/// <summary>Turns a <see cref="DomainError"/> into an RFC 9457 problem naming the field and carrying a stable code.</summary>
public static class ProblemMapping
{
    /// <summary>The code of a body, or a batch item, that is not valid JSON for its endpoint.</summary>
    public const string MalformedJson = "malformed_json";

    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(Create(status, error.Code, error.Message, error.Field));
    }

    public static ProblemHttpResult Problem(int status, string code, string detail, string? field = null) =>
        TypedResults.Problem(Create(status, code, detail, field));

    /// <summary>A problem body; validation problems also carry the ASP.NET-style <c>errors</c> map.</summary>
    public static ProblemDetails Create(int status, string code, string detail, string? field)
    {
        ProblemDetails problem = status == StatusCodes.Status400BadRequest && field is not null
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = TitleOf(status);
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }

    /// <summary>The code of a problem nobody gave one: what its status says.</summary>
    public static string CodeOf(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        408 => "request_timeout",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        >= 500 => "internal_error",
        _ => "http_" + status,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "Forbidden.",
        404 => "Not found.",
        409 => "Conflict.",
        412 => "The resource changed since it was read.",
        413 => "The request body is too large.",
        422 => "The request cannot be processed.",
        429 => "Too many requests.",
        _ => "An error occurred.",
    };
}
