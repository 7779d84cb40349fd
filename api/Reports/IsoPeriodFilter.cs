using System.Text.RegularExpressions;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Api.Reports;

/// <summary>
/// Refuses a <c>from</c> or <c>to</c> that is not ISO 8601. The framework binds a query
/// <see cref="DateTimeOffset"/> with the invariant culture, which reads <c>01.11.2026</c> or
/// <c>01/11/2026</c> as 11 January: a report for the wrong period instead of an error.
/// </summary>
internal sealed partial class IsoPeriodFilter : IEndpointFilter
{
    private static readonly string[] Names = ["from", "to"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.HttpContext.Request.Query;
        foreach (var name in Names)
        {
            if (query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value && !IsoDate().IsMatch(value))
            {
                return ValueTask.FromResult<object?>(ProblemMapping.Problem(
                    StatusCodes.Status400BadRequest,
                    Validate.InvalidValue,
                    $"'{name}' must be an ISO 8601 date or time (yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss] with Z or ±HH:mm; + as %2B in a URL), not '{value}'.",
                    name));
            }
        }

        return next(context);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
