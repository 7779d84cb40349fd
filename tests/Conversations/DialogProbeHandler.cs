using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Tests.Conversations;

/// <summary>A test-only two-step flow: <c>/probe</c> asks a question, the next free text is echoed back.</summary>
public sealed class DialogProbeHandler(DialogStore dialogs) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["probe"];

    public string ButtonPrefix => "probe";

    public HandlerAccess Access => HandlerAccess.Member;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (input is ChatInput.Text text && context.Dialog is { Step: "ask" })
        {
            await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
            return context.Reply(RichText.Escape($"echo: {text.Value}"));
        }

        await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, "ask", null, context.CancellationToken);
        return context.Reply(RichText.Escape("question?"));
    }
}
