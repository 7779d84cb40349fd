using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Reports;

public static class ReportsChatServiceCollectionExtensions
{
    /// <summary>KPI reports: the core figures and exports and the managers' <c>/report</c>. Needs rewards and quizzes.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddReportsCore();
        services.AddChatHandler<ReportHandler>();
        services.AddSingleton(new HelpEntry(37, "Engagement.Help.Report", ManagersOnly: true));
        return services;
    }
}
