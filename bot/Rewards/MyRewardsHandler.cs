using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Bot.Rewards;

/// <summary>
/// <c>/myrewards</c>: the member's redemptions, newest first, with status, voucher or reason; a pending one can be
/// cancelled (points and stock come back). Only the member's own redemptions are found, whatever id a button carries.
/// </summary>
/// <remarks>Payloads: <c>myr:p:{page}</c>, <c>myr:x:{id}</c> (ask), <c>myr:xy:{id}</c> (cancel).</remarks>
public sealed class MyRewardsHandler(RedemptionQueries queries, Redemptions redemptions, MemberQueries members) : IChatHandler
{
    public const int PageSize = 5;

    public IReadOnlyCollection<string> Commands { get; } = ["myrewards"];

    public string ButtonPrefix => "myr";

    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (input is not ChatInput.Button button)
        {
            return Task.FromResult(List(context, 1, inPlace: false));
        }

        var args = ChatArgs.Parse(button.Args);
        return args.Verb switch
        {
            "x" => Task.FromResult(Ask(context, args.At(1))),
            "xy" => CancelAsync(context, args.At(1)),
            _ => Task.FromResult(List(context, args.Page(1), inPlace: true)),
        };
    }

    private ConversationTurn List(ChatContext context, int requested, bool inPlace)
    {
        var texts = context.Texts;
        var member = context.RequiredMember;
        var total = queries.List(null, member.Id, 1, 1).Total;
        if (total == 0)
        {
            return context.Reply(RichText.Escape(texts["Rewards.My.Empty"]), [[ChatButton.Choice(texts["Rewards.Menu"], "rw:p:1")]]);
        }

        var pages = (total + PageSize - 1) / PageSize;
        var page = Math.Clamp(requested, 1, pages);
        var lines = new List<RichText> { texts.Rich("Rewards.My.Title", page, pages) };
        var rows = new List<IReadOnlyList<ChatButton>>();
        foreach (var redemption in queries.List(null, member.Id, page, PageSize).Items)
        {
            var name = redemption.RewardName.In(texts.Language);
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Rewards.My.Line",
                name, texts.Points(redemption.CostPoints), RewardChatTexts.Status(texts, redemption.Status), texts.Ago(redemption.CreatedAt, context.Now)));
            if (redemption.Voucher is { } voucher)
            {
                lines.Add(texts.Rich("Rewards.My.Voucher", voucher));
            }

            if (redemption.Message is { } message)
            {
                lines.Add(texts.Rich("Rewards.My.Message", message));
            }

            if (redemption.RejectReason is { } reason)
            {
                lines.Add(texts.Rich("Rewards.My.Reason", reason));
            }

            if (redemption.Status == RedemptionStatus.Pending)
            {
                rows.Add([ChatButton.Choice(texts.Format("Rewards.My.Cancel", name), $"myr:x:{redemption.Id}")]);
            }
        }

        var navigation = new List<ChatButton>();
        if (page > 1)
        {
            navigation.Add(ChatButton.Choice(texts["History.Newer"], $"myr:p:{page - 1}"));
        }

        if (page < pages)
        {
            navigation.Add(ChatButton.Choice(texts["History.Older"], $"myr:p:{page + 1}"));
        }

        if (navigation.Count > 0)
        {
            rows.Add(navigation);
        }

        rows.Add([ChatButton.Choice(texts["Common.Menu"], "menu")]);
        return inPlace ? context.ReplyInPlace(RichText.Lines(lines), rows) : context.Reply(RichText.Lines(lines), rows);
    }

    private ConversationTurn Ask(ChatContext context, string id)
    {
        var texts = context.Texts;
        var redemption = queries.OfMember(context.RequiredMember.Id, id);
        if (redemption is null)
        {
            return context.ReplyInPlace(RichText.Escape(texts["Rewards.My.NotFound"]), BackToList(context));
        }

        if (redemption.Status != RedemptionStatus.Pending)
        {
            return context.ReplyInPlace(texts.Rich("Rewards.My.NotPending", RewardChatTexts.Status(texts, redemption.Status)), BackToList(context));
        }

        return context.ReplyInPlace(
            texts.Rich("Rewards.My.CancelQuestion", redemption.RewardName.In(texts.Language), texts.Points(redemption.CostPoints)),
            [[
                ChatButton.Choice(texts["Rewards.My.CancelYes"], $"myr:xy:{redemption.Id}"),
                ChatButton.Choice(texts["Rewards.My.CancelNo"], "myr:p:1"),
            ]]);
    }

    /// <summary>Idempotent: a second tap finds it cancelled already and says so again; no second refund.</summary>
    private async Task<ConversationTurn> CancelAsync(ChatContext context, string id)
    {
        var texts = context.Texts;
        var result = await redemptions.CancelAsync(context.RequiredMember.Id, id, context.Identity.Id, context.Actor, context.CancellationToken);
        if (!result.IsSuccess)
        {
            var current = queries.OfMember(context.RequiredMember.Id, id);
            var refusal = current is null
                ? RichText.Escape(texts["Rewards.My.NotFound"])
                : texts.Rich("Rewards.My.NotPending", RewardChatTexts.Status(texts, current.Status));
            return context.ReplyInPlace(refusal, BackToList(context));
        }

        var redemption = result.Value.Redemption;
        var balance = members.ById(redemption.MemberId)?.Balance ?? 0;
        return context.ReplyInPlace(
            texts.Rich("Rewards.My.Cancelled", redemption.RewardName.In(texts.Language), texts.Points(redemption.CostPoints), texts.Points(balance)),
            BackToList(context));
    }

    private static IReadOnlyList<IReadOnlyList<ChatButton>> BackToList(ChatContext context) =>
        [[ChatButton.Choice(context.Texts["Command.Myrewards"], "myr:p:1")]];
}
