using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>What recipients and the manager see: the campaign in a language, the progress line, the final report.</summary>
public static class BroadcastMessages
{
    /// <summary>The campaign as a recipient speaking <paramref name="language"/> gets it (Russian when that language was left out).</summary>
    public static ChatMessage For(Broadcast broadcast, string? language) => new()
    {
        // The markup was validated by BroadcastHtml: only <b>, <i> and <a href>, so it is safe as it is.
        Text = new RichText(broadcast.Text.In(language)),
        Image = broadcast.Image is { } image ? new ChatImage(image, broadcast.ImageName ?? "broadcast.png") : null,
        Buttons = broadcast.Link is { } link ? [[ChatButton.Link(link.Label.In(language), link.Url)]] : [],
    };

    /// <summary>«📣 Рассылка: отправлено 1 200 из 5 000».</summary>
    public static ChatMessage Progress(Texts texts, BroadcastCounts counts, int total, string? replace) => new()
    {
        Text = texts.Rich("Broadcasts.Progress", texts.Number(counts.Handled), texts.Number(total)),
        ReplaceMessageId = replace,
    };

    public static ChatMessage Report(Texts texts, Broadcast broadcast, BroadcastCounts counts) => new()
    {
        Text = texts.Rich(
            broadcast.Status == BroadcastStatus.Cancelled ? "Broadcasts.Report.Cancelled" : "Broadcasts.Report.Finished",
            texts.Number(counts.Sent),
            texts.Number(counts.Blocked),
            // "Not delivered": the skipped ones (no sender for their channel) were not delivered either.
            texts.Number(counts.Failed + counts.Skipped),
            texts.Number(counts.Unknown),
            texts.Number(counts.Cancelled)),
    };
}
