using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot;

namespace LoyaltyBot.Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The Telegram channel: client, update dispatcher, outbox sender, deep links, startup and polling. Settings
    /// are read when first resolved (so hosts and tests may still change configuration); without
    /// <c>Telegram:BotToken</c> no client is created and nothing Telegram-related starts.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => (sp.GetService<IConfiguration>() ?? configuration).GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions());
        services.AddSingleton<TelegramBot>();
        // Only usable with a token; everything here checks TelegramBot.IsEnabled before asking for it.
        services.AddSingleton<ITelegramBotClient>(sp => sp.GetRequiredService<TelegramBot>().Client);

        services.AddStoreSchema<TelegramSchema>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TelegramUpdateLog>();
        services.AddSingleton<TelegramMessageRenderer>();
        services.AddScoped<TelegramUpdateDispatcher>();

        services.AddSingleton<TelegramChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramChannelSender>());
        services.AddSingleton<TelegramDeepLinks>();
        services.AddSingleton<IDeepLinks>(sp => sp.GetRequiredService<TelegramDeepLinks>());

        services.AddHostedService<TelegramStartup>();
        services.AddHostedService<TelegramPolling>();
        return services;
    }
}
