using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Menu;

/// <summary><c>/menu</c> and the menu button.</summary>
public sealed class MenuHandler(MainMenu menu) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["menu"];

    public string ButtonPrefix => "menu";

    public HandlerAccess Access => HandlerAccess.Member;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input) =>
        Task.FromResult(context.Reply(menu.Message(context.Texts)));
}
