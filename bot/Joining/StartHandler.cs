using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Menu;

namespace LoyaltyBot.Bot.Joining;

/// <summary>
/// <c>/start</c>: with <c>join_&lt;code&gt;</c> (from a join link) or a bare code it links the chat; other
/// payload prefixes go to their <see cref="IStartPayloadHandler"/>; without one it greets or explains joining.
/// </summary>
public sealed class StartHandler(JoinFlow join, MainMenu menu, IEnumerable<IStartPayloadHandler> payloads) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["start"];

    public string ButtonPrefix => "start";

    public HandlerAccess Access => HandlerAccess.Anyone;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var args = input is ChatInput.Command command ? command.Args : string.Empty;
        if (args.StartsWith("join_", StringComparison.Ordinal))
        {
            return await join.TryCodeAsync(context, args["join_".Length..]);
        }

        foreach (var payload in payloads)
        {
            if (args.StartsWith(payload.Prefix, StringComparison.Ordinal))
            {
                return await payload.HandleAsync(context, args[payload.Prefix.Length..]);
            }
        }

        if (context.Member is null)
        {
            return args.Length > 0 ? await join.TryCodeAsync(context, args) : join.HowToJoin(context);
        }

        return context.Reply(menu.Message(context.Texts));
    }
}
