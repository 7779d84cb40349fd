using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Bot.Referrals;

/// <summary>
/// <c>/applications</c> for managers: the pending applications, oldest first, each with Approve / Reject. Approving
/// creates the member (external id <c>REF-000123</c>; a chosen id is an API option) and links the applicant's chat;
/// rejecting asks for a reason the applicant will see, or none.
/// </summary>
public sealed class ApplicationsHandler(
    ReferralQueries queries,
    ReferralApplications applications,
    MemberQueries members,
    DialogStore dialogs,
    ReferralMessages messages) : IChatHandler
{
    /// <summary>Cards shown at once; the rest follow as these are decided.</summary>
    public const int QueueLength = 10;

    private const string ReasonStep = "reason";
    private const string ApplicationKey = "application";
    private const string CardKey = "card";
    private const string DuplicateMember = "duplicate_member";

    public IReadOnlyCollection<string> Commands { get; } = ["applications"];

    public string ButtonPrefix => ReferralPayloads.Applications;

    public HandlerAccess Access => HandlerAccess.Manager;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input) => input switch
    {
        ChatInput.Button { Args: var args } => args.Split(':') switch
        {
            ["a", var id] => await ApproveAsync(context, id),
            ["r", var id] => await AskReasonAsync(context, id),
            ["n", var nonce] => await RejectAsync(context, nonce, reason: null),
            ["c", var nonce] => await KeepPendingAsync(context, nonce),
            _ => Queue(context),
        },
        ChatInput.Text { Value: var reason } when context.Dialog is { Step: ReasonStep } dialog => await RejectAsync(context, dialog.Nonce, reason),
        _ => await FreshQueueAsync(context),
    };

    /// <summary><c>/applications</c> drops a reject dialog left open, so later text is not taken as a reason.</summary>
    private async Task<ConversationTurn> FreshQueueAsync(ChatContext context)
    {
        if (context.Dialog is not null)
        {
            await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        }

        return Queue(context);
    }

    private ConversationTurn Queue(ChatContext context)
    {
        var cards = queries.Pending(QueueLength).Select(a => (a, members.ById(a.ReferrerMemberId))).ToArray();
        return new ConversationTurn { Replies = messages.Queue(context.Texts, cards, queries.PendingCount()), Language = context.Texts.Language };
    }

    private async Task<ConversationTurn> ApproveAsync(ChatContext context, string id)
    {
        var approved = await applications.ApproveAsync(id, externalId: null, context.Actor, context.CancellationToken);
        return approved.IsSuccess
            ? context.Reply(Decided(context, approved.Value, context.Message.SourceMessageId))
            : Problem(context, id, approved.Error);
    }

    private async Task<ConversationTurn> AskReasonAsync(ChatContext context, string id)
    {
        var application = queries.Application(id);
        if (application is not { Status: ApplicationStatus.Pending })
        {
            return Problem(context, id, application is null ? ReferralErrors.UnknownApplication(id) : ReferralErrors.ApplicationDecided(id, application.Status));
        }

        var dialog = await dialogs.StartAsync(
            context.Identity.Id,
            ButtonPrefix,
            ReasonStep,
            new Dictionary<string, string> { [ApplicationKey] = id, [CardKey] = context.Message.SourceMessageId ?? string.Empty },
            context.CancellationToken);
        return context.Reply(ReferralMessages.AskReason(context.Texts, application, dialog.Nonce));
    }

    private async Task<ConversationTurn> RejectAsync(ChatContext context, string nonce, string? reason)
    {
        if (context.Dialog is not { Step: ReasonStep } dialog || dialog.Nonce != nonce || !dialog.Data.TryGetValue(ApplicationKey, out var id))
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        var rejected = await applications.RejectAsync(id, reason, context.Actor, context.CancellationToken);
        if (!rejected.IsSuccess && rejected.Error.Kind == ErrorKind.Validation)
        {
            // Too long or unprintable: the dialog stays, so the manager can write it again.
            return context.Reply(context.Texts.Rich("Referrals.Applications.ReasonInvalid", context.Texts.Number(ReferralApplications.MaxReasonLength)));
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        return rejected.IsSuccess
            ? context.Reply(Decided(context, rejected.Value, dialog.Data.GetValueOrDefault(CardKey) is { Length: > 0 } card ? card : null))
            : Problem(context, id, rejected.Error);
    }

    private async Task<ConversationTurn> KeepPendingAsync(ChatContext context, string nonce)
    {
        if (context.Dialog is not { } dialog || dialog.Nonce != nonce)
        {
            return context.Notice(context.Texts["Common.StaleButton"]);
        }

        await dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
        return context.ReplyInPlace(RichText.Escape(context.Texts["Common.Cancelled"]));
    }

    /// <summary>The decided card, replacing the card the decision was made on where the channel can edit it.</summary>
    private ChatMessage Decided(ChatContext context, ReferralApplication application, string? cardMessageId) =>
        messages.Decided(context.Texts, application, members.ById(application.ReferrerMemberId), cardMessageId);

    private ConversationTurn Problem(ChatContext context, string id, DomainError error)
    {
        var texts = context.Texts;
        return error.Code switch
        {
            ReferralErrors.ApplicationDecidedCode when queries.Application(id) is { } decided =>
                context.Reply(messages.Decided(texts, decided, members.ById(decided.ReferrerMemberId), null)),
            ReferralErrors.UnknownApplicationCode => context.Notice(texts["Common.StaleButton"]),
            DuplicateMember => context.Reply(texts.Rich("Referrals.Applications.DuplicateMember")),
            ReferralErrors.AlreadyMemberCode or ReferralErrors.SelfReferralCode => context.Reply(texts.Rich("Referrals.Applications.ApplicantLinked")),
            _ => context.Reply(RichText.Escape(texts["Common.Error"])),
        };
    }
}
