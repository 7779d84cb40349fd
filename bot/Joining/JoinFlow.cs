using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Menu;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Joining;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Bot.Joining;

/// <summary>Linking a chat to a member with a join code, and explaining how to join to everyone else.</summary>
public sealed class JoinFlow(JoinCodes codes, MainMenu menu, TimeProvider time)
{
    public ConversationTurn HowToJoin(ChatContext context) =>
        context.Reply(new RichText(context.Texts["Join.HowTo"]));

    /// <summary>
    /// Redeems a join code, in a private chat only: the chat a code links is where personal messages (balances,
    /// vouchers) go, so a code sent in a group is refused and left unused.
    /// </summary>
    public async Task<ConversationTurn> TryCodeAsync(ChatContext context, string code)
    {
        if (!context.Message.IsPrivate)
        {
            return context.Reply(ChatMessage.Plain(context.Texts["Join.PrivateOnly"]));
        }

        var outcome = await codes.RedeemAsync(context.Identity, code, context.CancellationToken);
        switch (outcome)
        {
            case JoinOutcome.Linked linked:
                var texts = Texts.For(linked.Member.Language);
                var welcome = texts.Rich("Join.Welcome", linked.Member.Name);
                return new ConversationTurn
                {
                    Replies = [new ChatMessage { Text = welcome }, menu.Message(texts)],
                    Language = texts.Language,
                };
            case JoinOutcome.TooManyAttempts tooMany:
                return context.Reply(ChatMessage.Plain(context.Texts.Format("Join.TooManyAttempts", context.Texts.In(tooMany.RetryAt, time.GetUtcNow()))));
            case JoinOutcome.AlreadyLinked already:
                return context.Reply(context.Texts.Rich("Join.AlreadyLinked", already.Member.Name));
            case JoinOutcome.MemberBlocked:
                return context.Reply(ChatMessage.Plain(context.Texts["Member.Blocked"]));
            default:
                return context.Reply(ChatMessage.Plain(context.Texts["Join.CodeNotValid"]));
        }
    }
}
