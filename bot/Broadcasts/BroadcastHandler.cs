using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Broadcasts;

/// <summary>
/// Managers' <c>/broadcast</c>: text → image (a photo or PNG/JPEG file sent in chat, checked by its bytes; or Skip) →
/// audience → preview exactly as recipients see it (the image with the text as its caption), with the recipient count →
/// Confirm / Cancel. The dialog's nonce rides in every button, so a stale or forged button does nothing. Once confirmed,
/// the campaign reports its progress to this chat.
/// </summary>
/// <remarks>The image waits in the dialog's data (base64, at most <see cref="BroadcastOptions.MaxImageBytes"/>) until the campaign is created.</remarks>
/// <remarks>Payloads: <c>bc:s:{nonce}</c> (no image), <c>bc:a:{nonce}:{choice}</c>, <c>bc:y:{nonce}</c> (send), <c>bc:q:{nonce}</c> (cancel).</remarks>
public sealed class BroadcastHandler(
    BroadcastCampaigns campaigns, DialogStore dialogs, TierLadder tiers, IDocumentStore store, BroadcastOptions options) : IChatHandler
{
    public const int InactiveDays = 30;
    private const int MaxRegionButtons = 8;
    private const string TextStep = "text";
    private const string ImageStep = "image";
    private const string AudienceStep = "audience";
    private const string ConfirmStep = "confirm";

    public IReadOnlyCollection<string> Commands { get; } = ["broadcast"];

    public string ButtonPrefix => "bc";

    public HandlerAccess Access => HandlerAccess.Manager;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        switch (input)
        {
            case ChatInput.Command:
                var dialog = await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, TextStep, null, context.CancellationToken);
                return context.Reply(context.Texts.Rich("Broadcasts.Chat.AskText", "< > &", "&lt; &gt; &amp;"), [[Cancel(context, dialog)]]);
            case ChatInput.Text text when context.Dialog is { Step: TextStep } dialogState:
                return await TextAsync(context, dialogState, text.Value);
            case ChatInput.Attachment attachment when context.Dialog is { Step: ImageStep } dialogState:
                return await ImageAsync(context, dialogState, attachment.File);
            case ChatInput.Text or ChatInput.Contact when context.Dialog is { Step: ImageStep } dialogState:
                return ImageProblem(context, dialogState, RichText.Escape(context.Texts["Broadcasts.Chat.ImageExpected"]));
            case ChatInput.Text or ChatInput.Contact or ChatInput.Attachment when context.Dialog is { } other:
                return context.Reply(RichText.Escape(context.Texts["Broadcasts.Chat.UseButtons"]), [[Cancel(context, other)]]);
            case ChatInput.Button button:
                return await ButtonAsync(context, button.Args.Split(':'));
            default:
                return context.Reply(RichText.Escape(context.Texts["Broadcasts.Chat.TextExpected"]));
        }
    }

    private async Task<ConversationTurn> TextAsync(ChatContext context, DialogState dialog, string text)
    {
        var texts = context.Texts;
        var checkedText = BroadcastRules.CheckText(new BroadcastTextDraft(text), withImage: false);
        if (!checkedText.IsSuccess)
        {
            var problem = checkedText.Error.Code switch
            {
                BroadcastErrors.InvalidHtmlCode => texts.Rich("Broadcasts.Chat.InvalidHtml", "< > &", "&lt; &gt; &amp;"),
                BroadcastErrors.TextTooLongCode => texts.Rich("Broadcasts.Chat.TooLong", texts.Number(BroadcastRules.TextLimit)),
                _ => RichText.Escape(texts["Broadcasts.Chat.TextExpected"]),
            };
            return context.Reply(problem, [[Cancel(context, dialog)]]);
        }

        var saved = await dialogs.SaveAsync(dialog with { Step = ImageStep, Data = new() { ["text"] = checkedText.Value.Ru } }, context.CancellationToken);
        return ImageProblem(context, saved, texts.Rich("Broadcasts.Chat.AskImage", texts.Number(options.MaxImageBytes / 1024)));
    }

    /// <summary>
    /// The image step: a PNG or JPEG (by its first bytes, whatever the file is called) within the size limit, and a text
    /// short enough to be its caption, moves on to the audience; anything else says why and stays at this step.
    /// </summary>
    private async Task<ConversationTurn> ImageAsync(ChatContext context, DialogState dialog, IncomingAttachment file)
    {
        var texts = context.Texts;
        var text = dialog.Data.GetValueOrDefault("text", string.Empty);
        if (!BroadcastRules.CheckText(new BroadcastTextDraft(text), withImage: true).IsSuccess)
        {
            return ImageProblem(context, dialog, texts.Rich("Broadcasts.Chat.CaptionTooLong", texts.Number(BroadcastRules.CaptionLimit)));
        }

        byte[]? bytes;
        try
        {
            bytes = await file.DownloadAsync(options.MaxImageBytes, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return ImageProblem(context, dialog, RichText.Escape(texts["Broadcasts.Chat.ImageFailed"]));
        }

        if (bytes is null)
        {
            return ImageProblem(context, dialog, texts.Rich("Broadcasts.Chat.ImageTooLarge", texts.Number(options.MaxImageBytes / 1024)));
        }

        if (RewardImageFormat.Detect(bytes) is null)
        {
            return ImageProblem(context, dialog, RichText.Escape(texts["Broadcasts.Chat.NotAnImage"]));
        }

        var withImage = dialog with { Data = new(dialog.Data) { ["image"] = Convert.ToBase64String(bytes) } };
        return await AskAudienceAsync(context, withImage, RichText.Escape(texts["Broadcasts.Chat.ImageAdded"]));
    }

    /// <summary>A message at the image step (the question, or why the file did not do), with Skip and Cancel.</summary>
    private static ConversationTurn ImageProblem(ChatContext context, DialogState dialog, RichText message) =>
        context.Reply(message, [[ChatButton.Choice(context.Texts["Broadcasts.Chat.SkipImage"], $"bc:s:{dialog.Nonce}")], [Cancel(context, dialog)]]);

    private async Task<ConversationTurn> ButtonAsync(ChatContext context, string[] args)
    {
        var verb = args[0];
        var nonce = args.Length > 1 ? args[1] : string.Empty;
        if (context.Dialog is not { } dialog || nonce.Length == 0 || dialog.Nonce != nonce)
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        switch (verb)
        {
            case "q":
                await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
                return context.ReplyInPlace(RichText.Escape(context.Texts["Broadcasts.Chat.Cancelled"]));
            case "s" when dialog.Step == ImageStep:
                return await AskAudienceAsync(context, dialog, notice: null);
            case "a" when dialog.Step is AudienceStep or ConfirmStep && args.Length > 2:
                return await PreviewAsync(context, dialog, args[2]);
            case "y" when dialog.Step == ConfirmStep:
                return await SendAsync(context, dialog);
            default:
                return context.Notice(context.Texts["Common.StaleButton"]);
        }
    }

    private async Task<ConversationTurn> AskAudienceAsync(ChatContext context, DialogState dialog, RichText? notice)
    {
        var texts = context.Texts;
        var regions = store.Set<Member>().All()
            .Where(m => m.Status == MemberStatus.Active && !string.IsNullOrWhiteSpace(m.Region))
            .GroupBy(m => m.Region!.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxRegionButtons)
            .Select(g => g.Key)
            .ToArray();
        var saved = await dialogs.SaveAsync(
            dialog with { Step = AudienceStep, Data = new(dialog.Data) { ["regions"] = string.Join('\n', regions) } }, context.CancellationToken);
        var n = saved.Nonce;
        var rows = new List<IReadOnlyList<ChatButton>>
        {
            new[] { ChatButton.Choice(texts["Broadcasts.Chat.All"], $"bc:a:{n}:all") },
            tiers.Tiers.Select((t, i) => ChatButton.Choice(texts.Format("Broadcasts.Chat.Tier", t.Name), $"bc:a:{n}:t{i}")).ToArray(),
        };
        rows.AddRange(regions.Select((r, i) => (IReadOnlyList<ChatButton>)[ChatButton.Choice(texts.Format("Broadcasts.Chat.Region", r), $"bc:a:{n}:r{i}")]));
        rows.Add([ChatButton.Choice(texts["Broadcasts.Chat.Inactive"], $"bc:a:{n}:i{InactiveDays}")]);
        rows.Add([Cancel(context, saved)]);
        var question = RichText.Escape(texts["Broadcasts.Chat.AskAudience"]);
        return context.ReplyInPlace(notice is { } text ? RichText.Lines([text, question]) : question, rows);
    }

    private async Task<ConversationTurn> PreviewAsync(ChatContext context, DialogState dialog, string choice)
    {
        if (Audience(dialog, choice) is not { } audience)
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        var preview = campaigns.Preview(Draft(dialog, audience));
        if (!preview.IsSuccess)
        {
            return await AskAudienceAsync(context, dialog, RichText.Escape(context.Texts[preview.Error.Code == BroadcastErrors.EmptyAudienceCode
                ? "Broadcasts.Chat.EmptyAudience"
                : "Common.Error"]));
        }

        var saved = await dialogs.SaveAsync(dialog with { Step = ConfirmStep, Data = new(dialog.Data) { ["audience"] = choice } }, context.CancellationToken);
        var (broadcast, recipients) = preview.Value;
        var texts = context.Texts;
        return new ConversationTurn
        {
            Replies =
            [
                new ChatMessage
                {
                    Text = RichText.Escape(texts["Broadcasts.Chat.PreviewTitle"]),
                    ReplaceMessageId = context.Message.ButtonPayload is not null ? context.Message.SourceMessageId : null,
                },
                BroadcastMessages.For(broadcast, Languages.Default),
                new ChatMessage
                {
                    Text = texts.Rich("Broadcasts.Chat.ConfirmQuestion", texts.Number(recipients)),
                    Buttons = [[ChatButton.Choice(texts["Broadcasts.Chat.Confirm"], $"bc:y:{saved.Nonce}"), Cancel(context, saved)]],
                },
            ],
            Language = texts.Language,
        };
    }

    private async Task<ConversationTurn> SendAsync(ChatContext context, DialogState dialog)
    {
        var texts = context.Texts;
        if (Audience(dialog, dialog.Data.GetValueOrDefault("audience", string.Empty)) is not { } audience)
        {
            return context.Notice(texts["Common.StaleButton"]);
        }

        // Clear first: a double tap on Send finds no dialog and does nothing.
        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var created = await campaigns.CreateAsync(Draft(dialog, audience), context.Actor, context.Identity.Id, context.CancellationToken);
        if (!created.IsSuccess)
        {
            return context.ReplyInPlace(RichText.Escape(texts[created.Error.Code == BroadcastErrors.EmptyAudienceCode
                ? "Broadcasts.Chat.EmptyAudience"
                : "Common.Error"]));
        }

        return context.ReplyInPlace(texts.Rich("Broadcasts.Chat.Started", texts.Quantity("Broadcasts.Recipients", created.Value.Recipients)));
    }

    private BroadcastAudienceDraft? Audience(DialogState dialog, string choice)
    {
        var regions = dialog.Data.GetValueOrDefault("regions", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int Index(int count) => int.TryParse(choice.AsSpan(1), out var i) && i >= 0 && i < count ? i : -1;
        return choice switch
        {
            "all" => new BroadcastAudienceDraft { All = true },
            ['t', ..] when Index(tiers.Tiers.Count) is var t and >= 0 => new BroadcastAudienceDraft { Tiers = [tiers.Tiers[t].Name] },
            ['r', ..] when Index(regions.Length) is var r and >= 0 => new BroadcastAudienceDraft { Regions = [regions[r]] },
            ['i', ..] => new BroadcastAudienceDraft { InactiveForDays = InactiveDays },
            _ => null,
        };
    }

    private static BroadcastDraft Draft(DialogState dialog, BroadcastAudienceDraft audience) => new()
    {
        Text = new BroadcastTextDraft(dialog.Data.GetValueOrDefault("text")),
        Image = dialog.Data.GetValueOrDefault("image"),
        Audience = audience,
    };

    private static ChatButton Cancel(ChatContext context, DialogState dialog) =>
        ChatButton.Choice(context.Texts["Broadcasts.Chat.Cancel"], $"bc:q:{dialog.Nonce}");
}
