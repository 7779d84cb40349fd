using System.Globalization;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Joining;
using LoyaltyBot.Bot.Menu;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>
/// The newcomer's registration: arriving with <c>/start ref_&lt;code&gt;</c> (the Telegram link), <c>/ref &lt;code&gt;</c>
/// or just the code (typed, in any channel), then company name → region (buttons) → phone (the channel's contact button, or typed) →
/// confirm, which submits an application attributed to the referrer.
/// </summary>
public sealed class ReferralSignupHandler(
    ReferralInvitations invitations,
    ReferralRegions regions,
    DialogStore dialogs,
    ReferralMessages messages,
    MainMenu menu) : IChatHandler, IStartPayloadHandler
{
    private const string CompanyStep = "company";
    private const string RegionStep = "region";
    private const string PhoneStep = "phone";
    private const string ConfirmStep = "confirm";

    public IReadOnlyCollection<string> Commands { get; } = ["ref"];

    public string ButtonPrefix => ReferralPayloads.Signup;

    /// <summary>Newcomers are not members yet.</summary>
    public HandlerAccess Access => HandlerAccess.Anyone;

    /// <summary>The start payload of invitation links: <c>ref_&lt;code&gt;</c>.</summary>
    public string Prefix => ReferralCodes.LinkPrefix;

    /// <summary>A referral code as the invitation card shows it (<c>K7P3-M9X2-QD4F</c>), typed by a stranger.</summary>
    public bool IsTypedCode(string text) => ReferralCodes.IsWellFormed(ReferralCodes.Normalize(text));

    /// <summary><c>/start ref_&lt;code&gt;</c>, or the code typed by a stranger.</summary>
    public async Task<ConversationTurn> HandleAsync(ChatContext context, string value) =>
        context.Message.IsPrivate ? await ArriveAsync(context, value) : PrivateOnly(context);

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input) => input switch
    {
        // A phone number and a company's details are not for a group.
        _ when !context.Message.IsPrivate => PrivateOnly(context),
        ChatInput.Command { Args.Length: 0 } => context.Reply(context.Texts.Rich("Referrals.Signup.Usage")),
        ChatInput.Command { Args: var code } => await ArriveAsync(context, code),
        ChatInput.Button { Args: var args } => await PressAsync(context, args.Split(':')),
        ChatInput.Text { Value: var text } => await AnswerAsync(context, text, shared: false),
        ChatInput.Contact { Phone: var phone } => await AnswerAsync(context, phone, shared: true),
        _ => context.Notice(context.Texts["Common.StaleButton"]),
    };

    private async Task<ConversationTurn> ArriveAsync(ChatContext context, string code)
    {
        var texts = context.Texts;
        var outcome = await invitations.ArriveAsync(context.Identity, code, context.CancellationToken);
        switch (outcome)
        {
            case ArrivalOutcome.Invited invited:
                var dialog = await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, CompanyStep, null, context.CancellationToken);
                return context.Reply(messages.Welcome(texts, invited.Referrer, invited.EarlierLink, dialog.Nonce));
            case ArrivalOutcome.OwnLink:
                return context.Reply(texts.Rich("Referrals.Link.Own"));
            case ArrivalOutcome.AlreadyMember:
                return Turn(context, [new ChatMessage { Text = texts.Rich("Referrals.Link.AlreadyMember") }, menu.Message(texts)]);
            case ArrivalOutcome.ApplicationPending pending:
                return context.Reply(texts.Rich("Referrals.Link.Pending", pending.Application.Number));
            default:
                return context.Reply(ReferralMessages.NotValid(texts));
        }
    }

    private async Task<ConversationTurn> PressAsync(ChatContext context, string[] parts)
    {
        var texts = context.Texts;
        if (context.Dialog is not { } dialog || parts.Length < 2 || parts[1] != dialog.Nonce)
        {
            return context.Notice(texts["Common.StaleButton"]);
        }

        switch (parts[0])
        {
            case "r" when dialog.Step == RegionStep
                && parts.Length == 3
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < regions.All.Count:
                var region = regions.All[index];
                await dialogs.SaveAsync(dialog with { Step = PhoneStep, Data = With(dialog, RegionStep, region) }, context.CancellationToken);
                var chosen = messages.RegionChosen(texts, region, context.Message.SourceMessageId);
                return Turn(context, [chosen, ReferralMessages.AskPhone(texts)]);
            case "ok" when dialog.Step == ConfirmStep:
                return await SubmitAsync(context, dialog);
            case "re":
                var restarted = await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, CompanyStep, null, context.CancellationToken);
                return context.Reply(messages.AskCompany(texts, restarted.Nonce));
            case "x":
                await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
                return context.ReplyInPlace(RichText.Escape(texts["Common.Cancelled"]));
            default:
                return context.Notice(texts["Common.StaleButton"]);
        }
    }

    /// <summary>Typed text, or a shared contact, for the current step; a wrong answer repeats the step with a hint.</summary>
    private async Task<ConversationTurn> AnswerAsync(ChatContext context, string value, bool shared)
    {
        var texts = context.Texts;
        if (context.Dialog is not { } dialog)
        {
            return context.Reply(texts.Rich("Referrals.Signup.Usage"));
        }

        switch (dialog.Step)
        {
            case CompanyStep:
                if (shared)
                {
                    return context.Reply(messages.AskCompany(texts, dialog.Nonce, "Referrals.Signup.CompanyMissing"));
                }

                if (ReferralInvitations.CheckCompanyName(value, out var company) is { } companyError)
                {
                    return context.Reply(messages.AskCompany(texts, dialog.Nonce, CompanyProblem(companyError)));
                }

                await dialogs.SaveAsync(dialog with { Step = RegionStep, Data = With(dialog, CompanyStep, company) }, context.CancellationToken);
                return context.Reply(messages.AskRegion(texts, dialog.Nonce));
            case RegionStep:
                if (shared || invitations.CheckRegion(value, out var region) is not null)
                {
                    return context.Reply(messages.AskRegion(texts, dialog.Nonce, "Referrals.Signup.PickRegion"));
                }

                await dialogs.SaveAsync(dialog with { Step = PhoneStep, Data = With(dialog, RegionStep, region) }, context.CancellationToken);
                return context.Reply(ReferralMessages.AskPhone(texts));
            case PhoneStep:
                return await PhoneAsync(context, dialog, value, shared);
            default:
                return Confirm(context, dialog, "Referrals.Signup.UseButtons");
        }
    }

    private async Task<ConversationTurn> PhoneAsync(ChatContext context, DialogState dialog, string value, bool shared)
    {
        var texts = context.Texts;
        var error = invitations.CheckPhone(context.Identity.Id, value, shared, out var phone);
        switch (error?.Code)
        {
            case null:
                var saved = await dialogs.SaveAsync(dialog with { Step = ConfirmStep, Data = With(dialog, PhoneStep, phone) }, context.CancellationToken);
                return Confirm(context, saved, null);
            case Validate.InvalidValue or Validate.MissingField:
                return context.Reply(ReferralMessages.AskPhone(texts, "Referrals.Signup.PhoneInvalid"));
            case ReferralErrors.PhoneTakenCode:
                return context.Reply(ReferralMessages.AskPhone(texts, "Referrals.Signup.PhoneTaken"));
            default:
                return await EndAsync(context, error);
        }
    }

    private ConversationTurn Confirm(ChatContext context, DialogState dialog, string? problemKey)
    {
        var referrer = invitations.ReferrerOf(context.Identity.Id);
        return referrer is null
            ? context.Reply(ReferralMessages.NotValid(context.Texts))
            : context.Reply(messages.Confirm(context.Texts, FormOf(dialog), referrer, dialog.Nonce, problemKey));
    }

    private async Task<ConversationTurn> SubmitAsync(ChatContext context, DialogState dialog)
    {
        var texts = context.Texts;
        var submitted = await invitations.SubmitAsync(context.Identity, FormOf(dialog), texts.Language, context.CancellationToken);
        if (!submitted.IsSuccess)
        {
            return submitted.Error.Kind == ErrorKind.Validation
                ? await RestartAsync(context)
                : await EndAsync(context, submitted.Error);
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var application = submitted.Value;
        return application.Status == ApplicationStatus.Approved
            ? Turn(context, [new ChatMessage { Text = ReferralMessages.AutoApproved(texts, application) }, menu.Message(texts)])
            : context.ReplyInPlace(ReferralMessages.Submitted(texts, application));
    }

    /// <summary>A rule that ends the registration (own invitation, not invited any more, already a member or applied).</summary>
    private async Task<ConversationTurn> EndAsync(ChatContext context, DomainError error)
    {
        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        var texts = context.Texts;
        return error.Code switch
        {
            ReferralErrors.SelfReferralCode => context.Reply(texts.Rich("Referrals.Signup.SelfReferral")),
            ReferralErrors.AlreadyMemberCode => Turn(context, [new ChatMessage { Text = texts.Rich("Referrals.Link.AlreadyMember") }, menu.Message(texts)]),
            ReferralErrors.ApplicationPendingCode => context.Reply(texts.Rich("Referrals.Signup.AlreadyApplied")),
            ReferralErrors.PhoneTakenCode => context.Reply(texts.Rich("Referrals.Signup.PhoneTaken")),
            _ => context.Reply(ReferralMessages.NotValid(texts)),
        };
    }

    private async Task<ConversationTurn> RestartAsync(ChatContext context)
    {
        var restarted = await dialogs.StartAsync(context.Identity.Id, ButtonPrefix, CompanyStep, null, context.CancellationToken);
        return context.Reply(messages.AskCompany(context.Texts, restarted.Nonce, "Referrals.Signup.StartOver"));
    }

    private static string CompanyProblem(DomainError error) => error.Code switch
    {
        Validate.TooLong => "Referrals.Signup.CompanyTooLong",
        Validate.MissingField => "Referrals.Signup.CompanyMissing",
        _ => "Referrals.Signup.CompanyInvalid",
    };

    private static ConversationTurn PrivateOnly(ChatContext context) =>
        context.Reply(RichText.Escape(context.Texts["Group.PrivateOnly"]));

    private static RegistrationForm FormOf(DialogState dialog) => new(
        dialog.Data.GetValueOrDefault(CompanyStep),
        dialog.Data.GetValueOrDefault(RegionStep),
        dialog.Data.GetValueOrDefault(PhoneStep));

    private static Dictionary<string, string> With(DialogState dialog, string key, string value) =>
        new(dialog.Data, StringComparer.Ordinal) { [key] = value };

    private static ConversationTurn Turn(ChatContext context, IReadOnlyList<ChatMessage> replies) =>
        new() { Replies = replies, Language = context.Texts.Language };
}
