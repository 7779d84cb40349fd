using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Joining;
using LoyaltyBot.Bot.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>
/// Registers the referral flows in chat: <c>/invite</c> with its menu item, the newcomer's registration (also the
/// <c>ref_</c> start payload) and the managers' <c>/applications</c>. Needs <c>AddReferrals()</c>.
/// </summary>
public static class ReferralChatServiceCollectionExtensions
{
    public static IServiceCollection AddReferralChat(this IServiceCollection services)
    {
        services.AddSingleton<ReferralMessages>();
        services.AddChatHandler<InviteHandler>();
        services.AddSingleton<ReferralSignupHandler>();
        services.AddSingleton<IChatHandler>(sp => sp.GetRequiredService<ReferralSignupHandler>());
        services.AddSingleton<IStartPayloadHandler>(sp => sp.GetRequiredService<ReferralSignupHandler>());
        services.AddChatHandler<ApplicationsHandler>();
        services.AddMenuItem(new MenuItem(60, "Referrals.Menu", ReferralPayloads.Invite));
        services.AddSingleton(new LoyaltyBot.Bot.Help.HelpEntry(50, "Referrals.Help.Invite"));
        services.AddSingleton(new LoyaltyBot.Bot.Help.HelpEntry(51, "Referrals.Help.Applications", ManagersOnly: true));
        return services;
    }
}
