using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>KPI figures, the chart and CSV exports (reads only); needs <c>AddLoyaltyCore</c>, rewards and quizzes.</summary>
    public static IServiceCollection AddReportsCore(this IServiceCollection services)
    {
        services.AddSingleton<KpiReports>();
        services.AddSingleton<CsvExports>();
        return services;
    }
}
