using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Api.Reports;

/// <summary>
/// Refuses a <c>from</c> or <c>to</c> that is not ISO 8601. The framework binds a query
/// <see cref="DateTimeOffset"/> with the invariant culture, which reads <c>01.11.2026</c> or
/// <c>01/11/2026</c> as 11 January: a report for the wrong period instead of an error.
/// A day or time without an offset is read in the program's time zone (<c>Program:TimeZone</c>), as the report's
/// chart and chat show its days, instead of in the host's zone the framework would use (UTC in the Docker image).
/// </summary>
internal sealed partial class IsoPeriodFilter : IEndpointFilter
{
    private static readonly string[] Names = ["from", "to"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.HttpContext.Request.Query;
        foreach (var name in Names)
        {
            if (!query.TryGetValue(name, out var values) || values.ToString() is not { Length: > 0 } value)
            {
                continue;
            }

            var match = IsoDate().Match(value);
            if (!match.Success)
            {
                return Problem(Validate.InvalidValue,
                    $"'{name}' must be an ISO 8601 date or time (yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss] with Z or ±HH:mm; + as %2B in a URL), not '{value}'.",
                    name);
            }

            if (!match.Groups["offset"].Success && !ReadInProgramZone(context, name, value))
            {
                return Problem(Validate.OutOfRange, $"'{name}' is out of range.", name);
            }
        }

        return next(context);
    }

    /// <summary>Replaces the bound argument by the moment <paramref name="value"/> names in the program's time zone.</summary>
    private static bool ReadInProgramZone(EndpointFilterInvocationContext context, string name, string value)
    {
        var index = Array.FindIndex(
            context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [],
            p => p.Name == name && p.ParameterType == typeof(DateTimeOffset?));
        if (index < 0 || !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return true;
        }

        if (!context.HttpContext.RequestServices.GetRequiredService<ProgramCalendar>().TryAtLocal(local, out var moment))
        {
            return false;
        }

        context.Arguments[index] = (DateTimeOffset?)moment;
        return true;
    }

    private static ValueTask<object?> Problem(string code, string detail, string field) =>
        ValueTask.FromResult<object?>(ProblemMapping.Problem(StatusCodes.Status400BadRequest, code, detail, field));

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?<offset>Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
