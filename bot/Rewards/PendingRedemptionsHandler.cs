using System.Diagnostics.CodeAnalysis;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Bot.Rewards;

/// <summary>
/// Managers' <c>/pending</c>: the redemptions waiting for a decision, oldest first, with Approve and Reject buttons.
/// Approve asks for a voucher code or message (or none); Reject asks for the reason. Both are dialogs whose nonce
/// rides in their buttons; whichever manager decides first wins, the others are told it is handled.
/// </summary>
/// <remarks>Payloads: <c>pnd:p:{page}</c>, <c>pnd:a:{id}</c>, <c>pnd:r:{id}</c>, <c>pnd:ok:{nonce}</c> (approve without code), <c>pnd:q:{nonce}</c> (abort).</remarks>
public sealed class PendingRedemptionsHandler(
    RedemptionQueries queries, Redemptions redemptions, MemberQueries members, DialogStore dialogs) : IChatHandler
{
    public const int PageSize = 5;
    private const string VoucherStep = "voucher";
    private const string ReasonStep = "reason";

    public IReadOnlyCollection<string> Commands { get; } = ["pending"];

    public string ButtonPrefix => "pnd";

    public HandlerAccess Access => HandlerAccess.Manager;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        switch (input)
        {
            case ChatInput.Text text:
                return AnswerAsync(context, text.Value);
            case ChatInput.Button button:
                var args = ChatArgs.Parse(button.Args);
                return args.Verb switch
                {
                    "a" => StartAsync(context, args.At(1), VoucherStep),
                    "r" => StartAsync(context, args.At(1), ReasonStep),
                    "ok" => ApproveWithoutCodeAsync(context, args.At(1)),
                    "q" => AbortAsync(context, args.At(1)),
                    _ => Task.FromResult(List(context, args.Page(1), inPlace: true)),
                };
            default:
                return Task.FromResult(List(context, 1, inPlace: false));
        }
    }

    private ConversationTurn List(ChatContext context, int requested, bool inPlace)
    {
        var texts = context.Texts;
        var total = queries.List(RedemptionStatus.Pending, null, 1, 1).Total;
        if (total == 0)
        {
            return context.Reply(RichText.Escape(texts["Rewards.Pending.Empty"]));
        }

        var pages = (total + PageSize - 1) / PageSize;
        var page = Math.Clamp(requested, 1, pages);
        var lines = new List<RichText> { texts.Rich("Rewards.Pending.Title", texts.Number(total), page, pages) };
        var rows = new List<IReadOnlyList<ChatButton>>();
        var number = (page - 1) * PageSize;
        foreach (var redemption in queries.List(RedemptionStatus.Pending, null, page, PageSize).Items)
        {
            number++;
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Rewards.Pending.Item",
                number,
                redemption.RewardName.In(texts.Language),
                texts.Points(redemption.CostPoints),
                members.ById(redemption.MemberId)?.Name ?? redemption.MemberExternalId,
                redemption.MemberExternalId,
                texts.Ago(redemption.CreatedAt, context.Now)));
            rows.Add(
            [
                ChatButton.Choice(texts.Format("Rewards.Pending.Approve", number), $"pnd:a:{redemption.Id}"),
                ChatButton.Choice(texts.Format("Rewards.Pending.Reject", number), $"pnd:r:{redemption.Id}"),
            ]);
        }

        var navigation = new List<ChatButton>();
        if (page > 1)
        {
            navigation.Add(ChatButton.Choice(texts["Rewards.List.Previous"], $"pnd:p:{page - 1}"));
        }

        if (page < pages)
        {
            navigation.Add(ChatButton.Choice(texts["Rewards.List.Next"], $"pnd:p:{page + 1}"));
        }

        if (navigation.Count > 0)
        {
            rows.Add(navigation);
        }

        return inPlace ? context.ReplyInPlace(RichText.Lines(lines), rows) : context.Reply(RichText.Lines(lines), rows);
    }

    private async Task<ConversationTurn> StartAsync(ChatContext context, string id, string step)
    {
        var texts = context.Texts;
        var redemption = queries.Get(id);
        if (redemption is null)
        {
            return context.ReplyInPlace(RichText.Escape(texts["Rewards.Pending.NotFound"]), BackToList(context));
        }

        if (redemption.Status != RedemptionStatus.Pending)
        {
            return context.ReplyInPlace(Handled(context, redemption), BackToList(context));
        }

        var dialog = await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, step, new Dictionary<string, string> { ["id"] = id }, context.CancellationToken);
        var name = redemption.RewardName.In(texts.Language);
        var memberName = members.ById(redemption.MemberId)?.Name ?? redemption.MemberExternalId;
        var abort = ChatButton.Choice(texts["Rewards.Pending.Abort"], $"pnd:q:{dialog.Nonce}");
        return step == VoucherStep
            ? context.ReplyInPlace(
                texts.Rich("Rewards.Pending.VoucherPrompt", name, memberName, redemption.MemberExternalId),
                [[ChatButton.Choice(texts["Rewards.Pending.NoVoucher"], $"pnd:ok:{dialog.Nonce}")], [abort]])
            : context.ReplyInPlace(
                texts.Rich("Rewards.Pending.ReasonPrompt", name, memberName, redemption.MemberExternalId),
                [[abort]]);
    }

    /// <summary>
    /// The manager's typed answer: the reject reason, or on approval a voucher code (one word) or a message to the member
    /// (anything with spaces).
    /// </summary>
    private async Task<ConversationTurn> AnswerAsync(ChatContext context, string text)
    {
        if (context.Dialog is not { } dialog || !dialog.Data.TryGetValue("id", out var id))
        {
            return List(context, 1, inPlace: false);
        }

        // Chat text may span lines; reasons and messages are stored as one line.
        var answer = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (dialog.Step == ReasonStep)
        {
            return await DecideAsync(context, id, redemptions.RejectAsync(id, answer, context.Actor, context.CancellationToken), Redemptions.MaxTextLength);
        }

        var isCode = answer.Length > 0 && !answer.Contains(' ');
        var approval = isCode
            ? redemptions.ApproveAsync(id, answer, null, context.Actor, context.CancellationToken)
            : redemptions.ApproveAsync(id, null, answer, context.Actor, context.CancellationToken);
        return await DecideAsync(context, id, approval, isCode ? Redemptions.MaxVoucherLength : Redemptions.MaxTextLength);
    }

    private async Task<ConversationTurn> ApproveWithoutCodeAsync(ChatContext context, string nonce)
    {
        if (!IsCurrent(context, nonce, out var dialog) || dialog.Step != VoucherStep)
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        var id = dialog.Data.GetValueOrDefault("id", string.Empty);
        return await DecideAsync(context, id, redemptions.ApproveAsync(id, null, null, context.Actor, context.CancellationToken), 0);
    }

    private async Task<ConversationTurn> AbortAsync(ChatContext context, string nonce)
    {
        if (!IsCurrent(context, nonce, out _))
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        return context.ReplyInPlace(RichText.Escape(context.Texts["Rewards.Pending.Aborted"]), BackToList(context));
    }

    private async Task<ConversationTurn> DecideAsync(ChatContext context, string id, Task<Result<RedemptionUpdate>> decision, int maxLength)
    {
        var texts = context.Texts;
        var result = await decision;
        if (!result.IsSuccess && result.Error.Kind == ErrorKind.Validation)
        {
            // Too long or unusable: keep the dialog and let the manager type it again.
            return context.Reply(result.Error.Code == Validate.TooLong
                ? texts.Rich("Rewards.Pending.TooLong", texts.Number(maxLength))
                : RichText.Escape(texts["Rewards.Pending.TypeAnswer"]));
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var current = queries.Get(id);
        if (current is null)
        {
            return context.Reply(RichText.Escape(texts["Rewards.Pending.NotFound"]), BackToList(context));
        }

        if (!result.IsSuccess || !result.Value.Changed)
        {
            return context.Reply(Handled(context, current), BackToList(context));
        }

        var key = current.Status == RedemptionStatus.Fulfilled ? "Rewards.Pending.Approved" : "Rewards.Pending.Rejected";
        return context.Reply(texts.Rich(key, current.RewardName.In(texts.Language), current.MemberExternalId), BackToList(context));
    }

    private static RichText Handled(ChatContext context, Redemption redemption) =>
        context.Texts.Rich("Rewards.Pending.AlreadyHandled", RewardChatTexts.Status(context.Texts, redemption.Status));

    private static bool IsCurrent(ChatContext context, string nonce, [NotNullWhen(true)] out DialogState? dialog)
    {
        dialog = context.Dialog is { } current && nonce.Length > 0 && current.Nonce == nonce ? current : null;
        return dialog is not null;
    }

    private static IReadOnlyList<IReadOnlyList<ChatButton>> BackToList(ChatContext context) =>
        [[ChatButton.Choice(context.Texts["Rewards.Pending.BackToList"], "pnd:p:1")]];
}
