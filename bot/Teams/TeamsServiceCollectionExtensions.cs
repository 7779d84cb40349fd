using LoyaltyBot.Bot.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>Registers the Microsoft Teams adapter when <c>Teams:AppId</c> is configured.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        services.AddSingleton(options);
        if (!options.IsEnabled)
        {
            return services;
        }

        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotFrameworkSigningKeys>();
        services.AddSingleton<ConnectorTokenValidator>();
        services.AddSingleton<ConnectorTokenSource>();
        services.AddSingleton<BotConnectorClient>();
        services.AddSingleton<RecentWelcomes>();
        services.AddSingleton<RecentActivities>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton(sp => new TeamsInbound(
            sp.GetRequiredService<ConnectorTokenValidator>(),
            sp.GetRequiredService<ServiceUrlPolicy>(),
            sp.GetRequiredService<TeamsActivityHandler>(),
            sp.GetRequiredService<RecentActivities>(),
            options,
            sp.GetRequiredService<ILogger<TeamsInbound>>()));
        services.AddSingleton(sp => new TeamsChannelSender(
            sp.GetRequiredService<BotConnectorClient>(),
            sp.GetRequiredService<Core.Identities.ChatIdentities>(),
            options,
            sp.GetRequiredService<ILogger<TeamsChannelSender>>()));
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TeamsChannelSender>());
        return services;
    }
}
