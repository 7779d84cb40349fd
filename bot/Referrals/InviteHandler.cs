using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>
/// <c>/invite</c> and «🤝 Пригласить»: the member's invitation link <c>https://t.me/&lt;bot&gt;?start=ref_&lt;code&gt;</c> as
/// text, QR code and share button (or, without Telegram, the code to type), and how their invitations are doing.
/// </summary>
public sealed class InviteHandler(ReferralCodes codes, ReferralQueries queries, IDeepLinks links, ReferralMessages messages) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["invite"];

    public string ButtonPrefix => ReferralPayloads.Invite;

    /// <summary>Private chat only: the figures are personal, and the link is the member's own.</summary>
    public HandlerAccess Access => HandlerAccess.Personal;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var member = context.RequiredMember;
        var code = await codes.GetOrCreateAsync(member.Id, context.CancellationToken);
        var link = links.StartLink(ReferralCodes.LinkPrefix + code);
        return context.Reply(messages.Invite(context.Texts, code, link, queries.FiguresOf(member.Id)));
    }
}
