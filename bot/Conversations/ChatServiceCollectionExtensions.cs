using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Bot.Joining;
using LoyaltyBot.Bot.Language;
using LoyaltyBot.Bot.Ledger;
using LoyaltyBot.Bot.Members;
using LoyaltyBot.Bot.Menu;
using LoyaltyBot.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>Registers the channel-neutral conversation layer, the dealer flows and the outbox sender.</summary>
public static class ChatServiceCollectionExtensions
{
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton(sp => Section<ConversationOptions>(sp, ConversationOptions.Section));
        services.AddSingleton(sp => Section<OutboxOptions>(sp, OutboxOptions.Section));
        services.AddSingleton(sp => Section<ChatRateLimitOptions>(sp, ChatRateLimitOptions.Section));
        services.AddSingleton<ChatRateLimiter>();
        services.AddStoreSchema<DialogSchema>();
        services.AddSingleton<DialogStore>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<IConversationEngine>(sp => sp.GetRequiredService<ConversationEngine>());
        services.AddSingleton<JoinFlow>();
        services.AddSingleton<MainMenu>();
        services.TryAddSingleton<IDeepLinks, NoDeepLinks>();

        services.AddChatHandler<StartHandler>();
        services.AddChatHandler<MenuHandler>();
        services.AddChatHandler<HelpHandler>();
        services.AddChatHandler<LanguageHandler>();
        services.AddChatHandler<BalanceHandler>();
        services.AddChatHandler<HistoryHandler>();
        services.AddMenuItem(new MenuItem(10, "Menu.Balance", "bal"));
        services.AddMenuItem(new MenuItem(20, "Menu.History", "hist:1"));
        services.AddMenuItem(new MenuItem(900, "Menu.Language", "lang"));
        services.AddMenuItem(new MenuItem(910, "Menu.Help", "help"));

        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    public static IServiceCollection AddChatHandler<THandler>(this IServiceCollection services)
        where THandler : class, IChatHandler
    {
        services.AddSingleton<IChatHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddMenuItem(this IServiceCollection services, MenuItem item)
    {
        services.AddSingleton(item);
        return services;
    }

    private static T Section<T>(IServiceProvider services, string name) where T : new() =>
        services.GetRequiredService<IConfiguration>().GetSection(name).Get<T>() ?? new T();
}
