using LoyaltyBot.Bot.Help;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using Telegram.Bot.Types;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>The command menu Telegram shows next to the input field, in each language of the program.</summary>
internal static class TelegramCommands
{
    /// <summary>Command names; each is described by the text key <c>Command.{Name}</c>.</summary>
    public static readonly string[] Names = ["start", "menu", "balance", "history", "language", "help"];

    /// <summary>The languages with their own menu; Telegram shows the default menu (Russian) to everyone else.</summary>
    public static readonly string[] MenuLanguages = ["ru", "uk", "en"];

    /// <summary>The built-in commands, then the features' commands for everyone (<see cref="HelpEntry"/>, not managers-only).</summary>
    public static BotCommand[] For(string? language, IEnumerable<HelpEntry> features)
    {
        var texts = Texts.For(language ?? Languages.Default);
        return Names.Select(name => new BotCommand(name, texts[$"Command.{char.ToUpperInvariant(name[0])}{name[1..]}"]))
            .Concat(features.Where(e => !e.ManagersOnly).OrderBy(e => e.Order).Select(e => new BotCommand(e.Command, texts[e.DescriptionKey])))
            .ToArray();
    }
}
