using System.Text.Json;
using System.Text.Json.Serialization;
using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Api.Problems;

public static class ProblemExtensions
{
    /// <summary>camelCase JSON with string enums, strict numbers and program-zone times (<see cref="ProgramTimeJsonConverter"/>); problem details for every error.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<ProgramCalendar>((options, calendar) =>
            options.SerializerOptions.Converters.Add(new ProgramTimeJsonConverter(calendar)));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Problems the framework writes itself (415 for a body that is not JSON, 405, 404 without a route, 413 when
        // the server cuts a body off) get a stable code like ours.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd(
                "code", ProblemMapping.CodeOf(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode)));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
