using System.Globalization;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Ledger;

namespace LoyaltyBot.Bot.Ledger;

/// <summary><c>/history</c>: the last ledger entries, newest first, with relative dates; older pages by buttons.</summary>
public sealed class HistoryHandler(LedgerQueries ledger) : IChatHandler
{
    public const int PageSize = 10;

    public IReadOnlyCollection<string> Commands { get; } = ["history"];

    public string ButtonPrefix => "hist";

    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var texts = context.Texts;
        var member = context.RequiredMember;
        var requested = input is ChatInput.Button { Args: var args } && int.TryParse(args, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var total = ledger.Page(member.Id, 1, 1).Total;
        if (total == 0)
        {
            return Task.FromResult(context.Reply(RichText.Escape(texts["History.Empty"])));
        }

        var pages = (total + PageSize - 1) / PageSize;
        var page = Math.Clamp(requested, 1, pages);
        var entries = ledger.Page(member.Id, page, PageSize).Items;
        var lines = new List<RichText> { RichText.Bold(texts.Format("History.Title", page, pages)) };
        foreach (var entry in entries)
        {
            var amount = (entry.Amount > 0 ? "+" : "−") + texts.Points(Math.Abs(entry.Amount));
            var what = texts[$"Kind.{entry.Kind}"];
            if (entry.Kind == LedgerEntryKind.ManualAdjustment)
            {
                what += ": " + entry.Reason;
            }

            lines.Add(RichText.Escape($"{texts.Ago(entry.At, context.Now)} · ") + RichText.Bold(amount) + RichText.Escape($" · {what}"));
        }

        var buttons = new List<ChatButton>();
        if (page > 1)
        {
            buttons.Add(ChatButton.Choice(texts["History.Newer"], $"hist:{page - 1}"));
        }

        if (page < pages)
        {
            buttons.Add(ChatButton.Choice(texts["History.Older"], $"hist:{page + 1}"));
        }

        IReadOnlyList<IReadOnlyList<ChatButton>> rows = buttons.Count > 0 ? [buttons] : [];
        return Task.FromResult(input is ChatInput.Button
            ? context.ReplyInPlace(RichText.Lines(lines), rows)
            : context.Reply(RichText.Lines(lines), rows));
    }
}
