using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Rewards;

/// <summary>
/// <c>/rewards</c>: the catalog as the member sees it (redeemable first, the others with the reason), a reward's
/// card with its image, and the confirmation. The confirmation is a dialog whose nonce rides in the Confirm and
/// Cancel buttons, so a stale or forged button does nothing, and whose request key makes a double tap redeem once.
/// </summary>
/// <remarks>Payloads: <c>rw:p:{page}</c> list, <c>rw:s:{id}:{page}</c> card, <c>rw:c:{id}:{page}</c> confirm screen, <c>rw:y:{nonce}</c> / <c>rw:n:{nonce}</c>.</remarks>
public sealed class RewardsHandler(RewardQueries rewards, Redemptions redemptions, MemberQueries members, DialogStore dialogs) : IChatHandler
{
    public const int PageSize = 5;
    private const string ConfirmStep = "confirm";

    public IReadOnlyCollection<string> Commands { get; } = ["rewards"];

    public string ButtonPrefix => "rw";

    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (input is ChatInput.Text or ChatInput.Contact)
        {
            return Task.FromResult(context.Reply(RichText.Escape(context.Texts["Rewards.Confirm.UseButtons"])));
        }

        if (input is not ChatInput.Button button)
        {
            return Task.FromResult(List(context, 1, inPlace: false));
        }

        var args = ChatArgs.Parse(button.Args);
        return args.Verb switch
        {
            "s" => Task.FromResult(Card(context, args.At(1), args.Page(2))),
            "c" => AskAsync(context, args.At(1), args.Page(2)),
            "y" => ConfirmAsync(context, args.At(1)),
            "n" => CancelAsync(context, args.At(1)),
            _ => Task.FromResult(List(context, args.Page(1), inPlace: true)),
        };
    }

    private ConversationTurn List(ChatContext context, int requested, bool inPlace)
    {
        var texts = context.Texts;
        var member = context.RequiredMember;
        var offers = rewards.OffersFor(member, context.Now);
        var menu = new[] { ChatButton.Choice(texts["Common.Menu"], "menu") };
        if (offers.Count == 0)
        {
            return context.Reply(RichText.Escape(texts["Rewards.List.Empty"]), [menu]);
        }

        var pages = (offers.Count + PageSize - 1) / PageSize;
        var page = Math.Clamp(requested, 1, pages);
        var shown = offers.Skip((page - 1) * PageSize).Take(PageSize).ToArray();
        var lines = new List<RichText> { texts.Rich("Rewards.List.Title", page, pages, texts.Points(member.Balance)), RichText.Empty };
        var rows = new List<IReadOnlyList<ChatButton>>();
        foreach (var offer in shown)
        {
            var name = offer.Reward.Name.In(texts.Language);
            var cost = texts.Points(offer.Reward.CostPoints);
            lines.Add(RewardChatTexts.Reason(texts, offer) is { } reason
                ? texts.Rich("Rewards.List.Unavailable", name, cost, reason)
                : texts.Rich("Rewards.List.Available", name, cost));
            rows.Add([ChatButton.Choice((offer.IsRedeemable ? "✅ " : "🔒 ") + name, $"rw:s:{offer.Reward.Id}:{page}")]);
        }

        lines.Add(RichText.Empty);
        lines.Add(RichText.Escape(texts["Rewards.List.Hint"]));
        var navigation = new List<ChatButton>();
        if (page > 1)
        {
            navigation.Add(ChatButton.Choice(texts["Rewards.List.Previous"], $"rw:p:{page - 1}"));
        }

        if (page < pages)
        {
            navigation.Add(ChatButton.Choice(texts["Rewards.List.Next"], $"rw:p:{page + 1}"));
        }

        if (navigation.Count > 0)
        {
            rows.Add(navigation);
        }

        rows.Add(menu);
        return inPlace ? context.ReplyInPlace(RichText.Lines(lines), rows) : context.Reply(RichText.Lines(lines), rows);
    }

    private ConversationTurn Card(ChatContext context, string rewardId, int page)
    {
        var texts = context.Texts;
        var back = ChatButton.Choice(texts["Rewards.Card.BackToList"], $"rw:p:{page}");
        if (rewards.OfferFor(context.RequiredMember, rewardId, context.Now) is not { } offer)
        {
            return context.ReplyInPlace(RichText.Escape(texts["Rewards.Error.NotFound"]), [[back]]);
        }

        var reward = offer.Reward;
        var lines = new List<RichText> { RichText.Bold(reward.Name.In(texts.Language)) };
        if (reward.Description is { } description)
        {
            lines.Add(RichText.Escape(description.In(texts.Language)));
        }

        lines.Add(RichText.Empty);
        lines.Add(texts.Rich("Rewards.Card.Category", texts[$"Rewards.Category.{reward.Category}"]));
        lines.Add(texts.Rich("Rewards.Card.Cost", texts.Points(reward.CostPoints)));
        if (reward.Stock is { } stock)
        {
            lines.Add(texts.Rich("Rewards.Card.Stock", texts.Number(stock)));
        }

        if (reward.PerMemberLimit is { } limit)
        {
            lines.Add(texts.Rich("Rewards.Card.Limit", texts.Number(limit)));
        }

        lines.Add(texts.Rich("Rewards.Card.Balance", texts.Points(offer.Balance)));
        if (RewardChatTexts.Reason(texts, offer) is { } reason)
        {
            lines.Add(texts.Rich("Rewards.Card.Unavailable", reason));
        }

        var rows = new List<IReadOnlyList<ChatButton>>();
        if (offer.IsRedeemable)
        {
            rows.Add([ChatButton.Choice(texts["Rewards.Card.Choose"], $"rw:c:{reward.Id}:{page}")]);
        }

        rows.Add([back]);
        var image = reward.ImageContentType is null ? null : rewards.Image(reward.Id);
        if (image is null)
        {
            return context.ReplyInPlace(RichText.Lines(lines), rows);
        }

        // A photo cannot replace a text message, so the card with its picture comes as a new message.
        return context.Reply(new ChatMessage
        {
            Text = RichText.Lines(lines),
            Buttons = rows,
            Image = new ChatImage(image.Bytes, RewardImageFormat.FileNameFor(image.ContentType)),
        });
    }

    private async Task<ConversationTurn> AskAsync(ChatContext context, string rewardId, int page)
    {
        var texts = context.Texts;
        var back = ChatButton.Choice(texts["Rewards.Card.BackToList"], $"rw:p:{page}");
        var offer = rewards.OfferFor(context.RequiredMember, rewardId, context.Now);
        if (offer is null || !offer.IsRedeemable)
        {
            var refusal = offer is null ? texts["Rewards.Error.NotFound"] : texts.Format("Rewards.Card.Unavailable", RewardChatTexts.Reason(texts, offer)!);
            return context.ReplyInPlace(RichText.Escape(refusal), [[back]]);
        }

        var dialog = await dialogs.StartAsync(
            context.Identity.Id,
            ButtonPrefix,
            ConfirmStep,
            new Dictionary<string, string>
            {
                ["reward"] = offer.Reward.Id,
                ["cost"] = offer.Reward.CostPoints.ToString(CultureInfo.InvariantCulture),
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
                ["key"] = StoreIds.New(),
            },
            context.CancellationToken);
        var lines = new[]
        {
            texts.Rich("Rewards.Confirm.Question", offer.Reward.Name.In(texts.Language)),
            texts.Rich("Rewards.Confirm.Cost", texts.Points(offer.Reward.CostPoints)),
            texts.Rich("Rewards.Confirm.BalanceAfter", texts.Points(offer.Balance - offer.Reward.CostPoints)),
        };
        return context.ReplyInPlace(RichText.Lines(lines),
        [[
            ChatButton.Choice(texts["Rewards.Confirm.Yes"], $"rw:y:{dialog.Nonce}"),
            ChatButton.Choice(texts["Rewards.Confirm.No"], $"rw:n:{dialog.Nonce}"),
        ]]);
    }

    private async Task<ConversationTurn> ConfirmAsync(ChatContext context, string nonce)
    {
        if (!IsCurrent(context, nonce, out var dialog))
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        var texts = context.Texts;
        var member = context.RequiredMember;
        var rewardId = dialog.Data.GetValueOrDefault("reward", string.Empty);
        var cost = decimal.TryParse(dialog.Data.GetValueOrDefault("cost"), NumberStyles.Number, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var result = await redemptions.RedeemInChatAsync(
            new ChatRedemptionRequest(member.Id, rewardId, dialog.Data.GetValueOrDefault("key", nonce), cost, context.Identity.Id, context.Actor),
            context.CancellationToken);
        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var catalog = ChatButton.Choice(texts["Rewards.Card.BackToList"], $"rw:p:{dialog.Data.GetValueOrDefault("page", "1")}");
        if (!result.IsSuccess)
        {
            var refreshed = members.ById(member.Id) ?? member;
            return context.ReplyInPlace(RichText.Escape(RewardChatTexts.Refusal(texts, result.Error, rewards.Get(rewardId), refreshed)), [[catalog]]);
        }

        var redemption = result.Value.Redemption;
        var done = texts.Rich("Rewards.Redeemed",
            redemption.RewardName.In(texts.Language), texts.Points(redemption.CostPoints), texts.Points(result.Value.Balance));
        return context.ReplyInPlace(done, [[ChatButton.Choice(texts["Command.Myrewards"], "myr:p:1"), catalog]]);
    }

    private async Task<ConversationTurn> CancelAsync(ChatContext context, string nonce)
    {
        if (!IsCurrent(context, nonce, out var dialog))
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var texts = context.Texts;
        return context.ReplyInPlace(
            RichText.Escape(texts["Rewards.Confirm.Cancelled"]),
            [[ChatButton.Choice(texts["Rewards.Card.BackToList"], $"rw:p:{dialog.Data.GetValueOrDefault("page", "1")}")]]);
    }

    private static bool IsCurrent(ChatContext context, string nonce, [NotNullWhen(true)] out DialogState? dialog)
    {
        dialog = context.Dialog is { Step: ConfirmStep } current && nonce.Length > 0 && current.Nonce == nonce ? current : null;
        return dialog is not null;
    }
}
