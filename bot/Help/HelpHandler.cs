using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Help;

/// <summary><c>/help</c>: what the bot can do (for users not yet linked: how to join).</summary>
public sealed class HelpHandler(Joining.JoinFlow join) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["help"];

    public string ButtonPrefix => "help";

    public HandlerAccess Access => HandlerAccess.Anyone;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input) =>
        Task.FromResult(context.Member is null
            ? join.HowToJoin(context)
            : context.Reply(RichText.Escape(context.Texts["Help.Text"])));
}
