namespace LoyaltyBot.Bot.Help;

/// <summary>
/// A feature's line in <c>/help</c> (registered as a singleton, like a <see cref="Menu.MenuItem"/>), e.g.
/// <c>/rewards — каталог наград</c>. <see cref="DescriptionKey"/> is the short text for a channel's command menu.
/// </summary>
public sealed record HelpEntry(int Order, string Command, string HelpKey, string DescriptionKey, bool ManagersOnly = false);
