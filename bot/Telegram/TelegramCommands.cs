using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using Telegram.Bot.Types;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// The command menu Telegram shows next to the input field, in each language of the program. Telegram shows it to
/// every user, so only commands every member may use have a <c>Command.{Name}</c> text; managers' commands
/// (/broadcast, /pending, /applications, /report) have none and are listed in the managers' /help instead.
/// </summary>
internal static class TelegramCommands
{
    /// <summary>Menu order; registered commands not listed here follow, and language and help come last.</summary>
    private static readonly string[] Order = ["start", "menu", "balance", "history"];
    private static readonly string[] Last = ["language", "help"];

    /// <summary>The languages with their own menu; Telegram shows the default menu (Russian) to everyone else.</summary>
    public static readonly string[] MenuLanguages = ["ru", "uk", "en"];

    /// <summary>The registered commands that have a description (text key <c>Command.{Name}</c>), in menu order.</summary>
    public static BotCommand[] For(string? language, IEnumerable<string> registered)
    {
        var texts = Texts.For(language ?? Languages.Default);
        var names = registered.ToHashSet(StringComparer.Ordinal);
        var ordered = Order.Where(names.Contains)
            .Concat(names.Except(Order).Except(Last).Order(StringComparer.Ordinal))
            .Concat(Last.Where(names.Contains));
        return ordered
            .Select(name => (Name: name, Description: texts.TryGet($"Command.{char.ToUpperInvariant(name[0])}{name[1..]}")))
            .Where(c => c.Description is not null)
            .Select(c => new BotCommand(c.Name, c.Description!))
            .ToArray();
    }
}
