using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Spiffs;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Spiffs;

public static class SpiffsChatServiceCollectionExtensions
{
    /// <summary>SPIFFs: the core use cases, <c>/offers</c> and the clock that announces started SPIFFs. Needs <c>AddChat</c>.</summary>
    public static IServiceCollection AddSpiffs(this IServiceCollection services)
    {
        services.AddSpiffsCore();
        services.AddChatHandler<OffersHandler>();
        services.AddSingleton(new HelpEntry(35, "Engagement.Help.Offers"));
        services.AddHostedService<SpiffClock>();
        return services;
    }
}
