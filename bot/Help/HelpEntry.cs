namespace LoyaltyBot.Bot.Help;

/// <summary>
/// A feature's line in <c>/help</c> (registered as a singleton, like a <see cref="Menu.MenuItem"/>), e.g.
/// <c>/rewards — каталог наград</c>; managers-only lines are shown to managers only. (Channel command menus
/// describe commands by their <c>Command.{Name}</c> text instead.)
/// </summary>
public sealed record HelpEntry(int Order, string HelpKey, bool ManagersOnly = false);
