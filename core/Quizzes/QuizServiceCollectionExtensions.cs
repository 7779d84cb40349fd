using LoyaltyBot.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>Registers the quiz domain: its collections, authoring, attempts, openings and figures.</summary>
public static class QuizServiceCollectionExtensions
{
    public static IServiceCollection AddQuizzes(this IServiceCollection services)
    {
        services.AddStoreSchema<QuizSchema>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(QuizOptions.Section).Get<QuizOptions>() ?? new QuizOptions());
        services.AddSingleton<QuizValidator>();
        services.AddSingleton<QuizAuthoring>();
        services.AddSingleton<QuizQueries>();
        services.AddSingleton<QuizAttempts>();
        services.AddSingleton<QuizOpenings>();
        return services;
    }
}
