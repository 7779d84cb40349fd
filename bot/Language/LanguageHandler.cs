using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Bot.Language;

/// <summary><c>/language</c>: ru / uk / en buttons; the choice is saved on the member (or the chat, before linking).</summary>
public sealed class LanguageHandler(MemberRegistry members, ChatIdentities identities) : IChatHandler
{
    private static readonly (string Code, string Label)[] Choices = [("ru", "Русский"), ("uk", "Українська"), ("en", "English")];

    public IReadOnlyCollection<string> Commands { get; } = ["language", "lang"];

    public string ButtonPrefix => "lang";

    public HandlerAccess Access => HandlerAccess.Anyone;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (input is not ChatInput.Button { Args: var code } || !Languages.IsSupported(code))
        {
            return context.Reply(
                RichText.Escape(context.Texts["Language.Choose"]),
                [Choices.Select(c => ChatButton.Choice(c.Label, $"lang:{c.Code}")).ToArray()]);
        }

        if (context.Member is not null)
        {
            await members.SetLanguageAsync(context.Member.Id, code, context.CancellationToken);
        }
        else
        {
            await identities.SetLanguageAsync(context.Identity.Id, code, context.CancellationToken);
        }

        var texts = Texts.For(code);
        return new ConversationTurn { Replies = [ChatMessage.Plain(texts["Language.Changed"])], Language = code };
    }
}
