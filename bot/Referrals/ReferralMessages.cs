using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>The referral flows' chat messages, in the reader's language (regions too: see <see cref="ReferralRegions"/>).</summary>
public sealed class ReferralMessages(ReferralOptions options, ReferralRegions regions, ReferralNotices notices, TimeProvider time)
{
    /// <summary>
    /// The invitation card: the link (with its QR code and a share button) when the Telegram bot is known, else the
    /// code to type; how the bonuses work; the member's figures.
    /// </summary>
    public ChatMessage Invite(Texts texts, string code, string? link, ReferrerFigures figures)
    {
        var lines = new List<RichText>
        {
            texts.Rich("Referrals.Invite.Title"),
            link is not null
                ? texts.Rich("Referrals.Invite.Link", link)
                : texts.Rich("Referrals.Invite.Code", ReferralCodes.Display(code), code),
            RichText.Empty,
        };
        if (options.ReferrerBonus > 0)
        {
            lines.Add(texts.Rich("Referrals.Invite.ReferrerBonus", texts.Points(options.ReferrerBonus), notices.Days(texts)));
        }

        if (options.RefereeWelcomeBonus > 0)
        {
            lines.Add(texts.Rich("Referrals.Invite.WelcomeBonus", texts.Points(options.RefereeWelcomeBonus)));
        }

        lines.Add(RichText.Empty);
        lines.Add(texts.Rich("Referrals.Invite.Figures", texts.Number(figures.Invited), texts.Number(figures.Registered), texts.Number(figures.Approved), texts.Number(figures.Qualified), texts.Points(figures.BonusPoints)));
        IReadOnlyList<IReadOnlyList<ChatButton>> buttons = link is null
            ? [[Menu(texts)]]
            : [[ChatButton.Link(texts["Referrals.Invite.Share"], ShareUrl(link, texts["Referrals.Invite.ShareText"]))], [Menu(texts)]];
        return new ChatMessage
        {
            Text = RichText.Lines(lines),
            Buttons = buttons,
            Image = link is null ? null : ReferralQrCode.For(link),
        };
    }

    /// <summary>Telegram's share dialog with the link and a prefilled text, both URL-encoded.</summary>
    public static string ShareUrl(string link, string text) =>
        $"https://t.me/share/url?url={Uri.EscapeDataString(link)}&text={Uri.EscapeDataString(text)}";

    public ChatMessage Welcome(Texts texts, Member referrer, bool earlierLink, string nonce)
    {
        var lines = new List<RichText> { texts.Rich("Referrals.Signup.Welcome", referrer.Name) };
        if (earlierLink)
        {
            lines.Add(texts.Rich("Referrals.Signup.EarlierLink", referrer.Name));
        }

        if (options.RefereeWelcomeBonus > 0)
        {
            lines.Add(texts.Rich("Referrals.Signup.WelcomeBonus", texts.Points(options.RefereeWelcomeBonus)));
        }

        lines.Add(RichText.Empty);
        lines.Add(texts.Rich("Referrals.Signup.AskCompany"));
        return new ChatMessage { Text = RichText.Lines(lines), Buttons = [[Cancel(texts, nonce)]] };
    }

    public ChatMessage AskCompany(Texts texts, string nonce, string? problemKey = null) =>
        new() { Text = WithProblem(texts, problemKey, texts.Rich("Referrals.Signup.AskCompany")), Buttons = [[Cancel(texts, nonce)]] };

    public ChatMessage AskRegion(Texts texts, string nonce, string? problemKey = null)
    {
        var rows = regions.All
            .Select((region, index) => ChatButton.Choice(regions.Display(region, texts), ReferralPayloads.Region(nonce, index)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<ChatButton>)row)
            .Append([Cancel(texts, nonce)])
            .ToArray();
        return new ChatMessage { Text = WithProblem(texts, problemKey, texts.Rich("Referrals.Signup.AskRegion")), Buttons = rows };
    }

    /// <summary>The region message once answered (edited in place, so its buttons cannot be pressed again).</summary>
    public ChatMessage RegionChosen(Texts texts, string region, string? replaceMessageId) =>
        new() { Text = texts.Rich("Referrals.Signup.RegionChosen", regions.Display(region, texts)), ReplaceMessageId = replaceMessageId };

    /// <summary>
    /// Asks for the phone with the channel's contact button (Telegram turns it into a "share my number" keyboard; other
    /// channels show it as a hint to type the number). Telegram cannot mix it with other buttons, so there is no cancel here.
    /// </summary>
    public static ChatMessage AskPhone(Texts texts, string? problemKey = null) => new()
    {
        Text = WithProblem(texts, problemKey, texts.Rich("Referrals.Signup.AskPhone")),
        Buttons = [[new ChatButton(texts["Referrals.Signup.SharePhone"], RequestContact: true)]],
    };

    public ChatMessage Confirm(Texts texts, RegistrationForm form, Member referrer, string nonce, string? problemKey = null) => new()
    {
        Text = WithProblem(texts, problemKey, texts.Rich(
            "Referrals.Signup.Confirm", form.CompanyName ?? "", form.Region is { } region ? regions.Display(region, texts) : "", form.Phone ?? "", referrer.Name)),
        Buttons =
        [
            [ChatButton.Choice(texts["Referrals.Signup.Submit"], ReferralPayloads.Submit(nonce))],
            [ChatButton.Choice(texts["Referrals.Signup.Restart"], ReferralPayloads.Restart(nonce)), Cancel(texts, nonce)],
        ],
    };

    public static RichText Submitted(Texts texts, ReferralApplication application) =>
        texts.Rich("Referrals.Signup.Submitted", application.Number);

    public static RichText AutoApproved(Texts texts, ReferralApplication application) =>
        texts.Rich("Referrals.Signup.AutoApproved", application.Number, application.MemberExternalId ?? "");

    /// <summary>An unknown or blocked code: a friendly word, then the normal explanation of how to join.</summary>
    public static ChatMessage NotValid(Texts texts) => new()
    {
        Text = RichText.Lines([texts.Rich("Referrals.Link.NotValid"), RichText.Empty, new RichText(texts["Join.HowTo"])]),
    };

    /// <summary>The manager's queue: a header, then one card per application.</summary>
    public IReadOnlyList<ChatMessage> Queue(Texts texts, IReadOnlyList<(ReferralApplication Application, Member? Referrer)> cards, int total)
    {
        if (total == 0)
        {
            return [new ChatMessage { Text = texts.Rich("Referrals.Applications.Empty"), Buttons = [[Menu(texts)]] }];
        }

        var header = cards.Count < total
            ? texts.Rich("Referrals.Applications.TitleFirst", texts.Number(total), texts.Number(cards.Count))
            : texts.Rich("Referrals.Applications.Title", texts.Number(total));
        return [new ChatMessage { Text = header }, .. cards.Select(c => Card(texts, c.Application, c.Referrer))];
    }

    public ChatMessage Card(Texts texts, ReferralApplication application, Member? referrer) => new()
    {
        Text = CardText(texts, application, referrer),
        Buttons =
        [
            [
                ChatButton.Choice(texts["Referrals.Applications.Approve"], ReferralPayloads.Approve(application.Id)),
                ChatButton.Choice(texts["Referrals.Applications.Reject"], ReferralPayloads.Reject(application.Id)),
            ],
        ],
    };

    /// <summary>A decided application's card: what was decided, without buttons.</summary>
    public ChatMessage Decided(Texts texts, ReferralApplication application, Member? referrer, string? replaceMessageId)
    {
        var outcome = application.Status == ApplicationStatus.Approved
            ? texts.Rich("Referrals.Applications.ApprovedAs", application.MemberExternalId ?? "")
            : application.RejectReason is { } reason
                ? texts.Rich("Referrals.Applications.RejectedBecause", reason)
                : texts.Rich("Referrals.Applications.Rejected");
        return new ChatMessage { Text = RichText.Lines([CardText(texts, application, referrer), RichText.Empty, outcome]), ReplaceMessageId = replaceMessageId };
    }

    public static ChatMessage AskReason(Texts texts, ReferralApplication application, string nonce) => new()
    {
        Text = texts.Rich("Referrals.Applications.AskReason", application.Number, application.CompanyName),
        Buttons =
        [
            [ChatButton.Choice(texts["Referrals.Applications.NoReason"], ReferralPayloads.RejectWithoutReason(nonce))],
            [ChatButton.Choice(texts["Referrals.Applications.KeepPending"], ReferralPayloads.KeepPending(nonce))],
        ],
    };

    private RichText CardText(Texts texts, ReferralApplication application, Member? referrer) =>
        texts.Rich(
            "Referrals.Applications.Card",
            application.Number,
            application.CompanyName,
            regions.Display(application.Region, texts),
            application.Phone,
            referrer?.Name ?? "—",
            referrer?.ExternalId ?? "—",
            texts.Ago(application.CreatedAt, time.GetUtcNow()));

    private static RichText WithProblem(Texts texts, string? problemKey, RichText question) =>
        problemKey is null ? question : RichText.Lines([texts.Rich(problemKey), question]);

    private static ChatButton Cancel(Texts texts, string nonce) => ChatButton.Choice(texts["Referrals.Signup.Cancel"], ReferralPayloads.Cancel(nonce));

    private static ChatButton Menu(Texts texts) => ChatButton.Choice(texts["Common.Menu"], "menu");
}
