using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>Registers the quiz flow in chat: <c>/quiz</c>, the menu item, the announcements and the quiz clock. Needs <c>AddQuizzes()</c>.</summary>
public static class QuizChatServiceCollectionExtensions
{
    public static IServiceCollection AddQuizChat(this IServiceCollection services)
    {
        services.AddSingleton<QuizMessages>();
        services.AddSingleton<QuizAnnouncer>();
        services.AddChatHandler<QuizHandler>();
        services.AddMenuItem(new MenuItem(50, "Quizzes.Menu", QuizPayloads.List));
        services.AddSingleton(new LoyaltyBot.Bot.Help.HelpEntry(40, "Quizzes.Help.Quiz"));
        services.AddHostedService<QuizClock>();
        return services;
    }
}
