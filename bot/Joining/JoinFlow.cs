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

    /// <summary>True when the text is a code that could be redeemed now (see <see cref="JoinCodes.IsLive"/>).</summary>
    public bool IsLiveCode(string text) => codes.IsLive(text);

    public async Task<ConversationTurn> TryCodeAsync(ChatContext context, string code)
    {
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
