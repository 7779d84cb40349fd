using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Bot.Contests;

/// <summary><c>/top</c> and the «🏆 Конкурсы» button: the live standings of each running contest the member is in, top 10 and their own row.</summary>
public sealed class TopHandler(ContestQueries contests, ContestLeaderboards leaderboards, ContestMessages messages) : IChatHandler
{
    public const int TopRows = 10;

    public IReadOnlyCollection<string> Commands { get; } = ["top"];

    public string ButtonPrefix => ContestMessages.TopPayload;

    /// <summary>Private chat only: the member's own place is personal.</summary>
    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var member = context.RequiredMember;
        var standings = contests.LiveFor(member)
            .Select(contest => leaderboards.Standings(contest, TopRows, member.Id))
            .ToArray();
        return Task.FromResult(context.Reply(messages.Top(context.Texts, standings, context.Now)));
    }
}
