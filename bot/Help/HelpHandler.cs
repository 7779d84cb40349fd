using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Help;

/// <summary><c>/help</c>: what the bot can do (for users not yet linked: how to join), with the features' own lines.</summary>
public sealed class HelpHandler(Joining.JoinFlow join, IEnumerable<HelpEntry> entries) : IChatHandler
{
    private readonly HelpEntry[] _entries = entries.OrderBy(e => e.Order).ToArray();

    public IReadOnlyCollection<string> Commands { get; } = ["help"];

    public string ButtonPrefix => "help";

    public HandlerAccess Access => HandlerAccess.Anyone;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (context.Member is not { } member)
        {
            return Task.FromResult(join.HowToJoin(context));
        }

        var lines = new List<RichText> { RichText.Escape(context.Texts["Help.Text"]) };
        var extra = _entries.Where(e => !e.ManagersOnly || member.IsManager).ToArray();
        if (extra.Length > 0)
        {
            lines.Add(RichText.Empty);
            lines.AddRange(extra.Select(e => RichText.Escape(context.Texts[e.HelpKey])));
        }

        return Task.FromResult(context.Reply(RichText.Lines(lines)));
    }
}
