using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Referrals;

/// <summary>The proactive messages of the referral program (sent through the outbox), in the reader's language.</summary>
public sealed class ReferralNotices(ReferralOptions options, ReferralRegions regions)
{
    /// <summary>To the referrer: an invitee submitted an application.</summary>
    public ChatMessage InviteeRegistered(Texts texts, ReferralApplication application) =>
        Message(texts.Rich("Referrals.Notice.InviteeRegistered", application.CompanyName, regions.Display(application.Region, texts), application.Number));

    /// <summary>To each manager: an application is waiting.</summary>
    public ChatMessage NewApplication(Texts texts, ReferralApplication application, Member referrer) =>
        Message(texts.Rich("Referrals.Notice.NewApplication", application.Number, application.CompanyName, regions.Display(application.Region, texts), referrer.Name));

    /// <summary>To the new member: welcome, with their member number and the welcome bonus.</summary>
    public ChatMessage Approved(Texts texts, ReferralApplication application)
    {
        var lines = new List<RichText> { texts.Rich("Referrals.Notice.Approved", application.CompanyName, application.MemberExternalId ?? string.Empty) };
        if (application.WelcomeBonus > 0)
        {
            lines.Add(texts.Rich("Referrals.Notice.WelcomeBonus", texts.Points(application.WelcomeBonus)));
        }

        lines.Add(RichText.Escape(texts["Referrals.Notice.MenuHint"]));
        return Message(RichText.Lines(lines));
    }

    /// <summary>To the referrer: their invitee was accepted.</summary>
    public ChatMessage InviteeApproved(Texts texts, ReferralApplication application) =>
        Message(options.ReferrerBonus > 0
            ? texts.Rich("Referrals.Notice.InviteeApproved", application.CompanyName, texts.Points(options.ReferrerBonus), Days(texts))
            : texts.Rich("Referrals.Notice.InviteeApprovedNoBonus", application.CompanyName));

    /// <summary>To the applicant's chat: the application was declined, with the manager's reason if given.</summary>
    public ChatMessage Rejected(Texts texts, ReferralApplication application)
    {
        var lines = new List<RichText> { texts.Rich("Referrals.Notice.Rejected", application.Number) };
        if (application.RejectReason is { } reason)
        {
            lines.Add(texts.Rich("Referrals.Notice.RejectReason", reason));
        }

        return Message(RichText.Lines(lines));
    }

    /// <summary>To the referrer: the bonus landed.</summary>
    public ChatMessage BonusPaid(Texts texts, ReferralApplication application) =>
        Message(texts.Rich("Referrals.Notice.BonusPaid", texts.Points(application.ReferrerBonus), application.CompanyName));

    /// <summary>To the referrer: the invitee qualified, but this month's bonuses are used up.</summary>
    public ChatMessage BonusCapped(Texts texts, ReferralApplication application, int cap) =>
        Message(texts.Rich("Referrals.Notice.BonusCapped", application.CompanyName, texts.Quantity("Referrals.Bonuses", cap)));

    /// <summary>
    /// The qualifying window after «в течение» / «протягом» / «within», so in the genitive: «1 дня», «2 дней», «21 дня».
    /// </summary>
    public string Days(Texts texts) => texts.Quantity("Referrals.DaysGenitive", options.QualifyingWindowDays);

    private static ChatMessage Message(RichText text) => new() { Text = text };
}
