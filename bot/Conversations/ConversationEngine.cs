using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Bot.Joining;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// The one place where messages are routed: commands by name, buttons by payload prefix, free text to the
/// active dialog (or, for users not yet linked, to joining). Checks access before any handler runs and turns
/// an unexpected failure into a polite apology.
/// </summary>
public sealed class ConversationEngine : IConversationEngine
{
    private readonly Dictionary<string, IChatHandler> _byCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IChatHandler> _byPrefix = new(StringComparer.Ordinal);
    private readonly ChatIdentities _identities;
    private readonly MemberQueries _members;
    private readonly DialogStore _dialogs;
    private readonly JoinFlow _join;
    private readonly IReadOnlyList<IStartPayloadHandler> _typedCodes;
    private readonly ChatRateLimiter _rateLimiter;
    private readonly TimeProvider _time;
    private readonly ILogger<ConversationEngine> _logger;

    public ConversationEngine(
        IEnumerable<IChatHandler> handlers,
        ChatIdentities identities,
        MemberQueries members,
        DialogStore dialogs,
        JoinFlow join,
        IEnumerable<IStartPayloadHandler> typedCodes,
        ChatRateLimiter rateLimiter,
        TimeProvider time,
        ILogger<ConversationEngine> logger)
    {
        foreach (var handler in handlers)
        {
            if (!_byPrefix.TryAdd(handler.ButtonPrefix, handler))
            {
                throw new InvalidOperationException($"Two chat handlers use the button prefix '{handler.ButtonPrefix}'.");
            }

            foreach (var command in handler.Commands)
            {
                if (!_byCommand.TryAdd(command, handler))
                {
                    throw new InvalidOperationException($"Two chat handlers answer /{command}.");
                }
            }
        }

        _identities = identities;
        _members = members;
        _dialogs = dialogs;
        _join = join;
        _typedCodes = typedCodes.ToArray();
        _rateLimiter = rateLimiter;
        _time = time;
        _logger = logger;
    }

    /// <summary>The commands users can type, for channel menus (Telegram setMyCommands).</summary>
    public IReadOnlyCollection<string> Commands => _byCommand.Keys;

    public async Task<ConversationTurn> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var texts = Texts.For(Languages.FromHint(message.LanguageHint));
        try
        {
            switch (_rateLimiter.Check(message.IdentityId))
            {
                case ChatRateVerdict.SlowDown:
                    return SlowDown(message);
                case ChatRateVerdict.Ignore:
                    return ConversationTurn.Nothing;
            }

            var identity = await _identities.SeenAsync(message.Channel, message.ChannelUserId, message.ChatId, message.IsPrivate, null, cancellationToken);
            var member = identity.MemberId is null ? null : _members.ById(identity.MemberId);
            texts = Texts.For(member?.Language ?? identity.Language ?? Languages.FromHint(message.LanguageHint));
            var context = new ChatContext
            {
                Message = message,
                Identity = identity,
                Member = member,
                Texts = texts,
                Now = _time.GetUtcNow(),
                CancellationToken = cancellationToken,
            };
            return await RouteAsync(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Chat message from {Identity} failed", message.IdentityId);
            return new ConversationTurn { Replies = [ChatMessage.Plain(texts["Common.Error"])], Language = texts.Language };
        }
    }

    /// <summary>Over the per-user limit: one polite answer in the user's language, read without writing anything.</summary>
    private ConversationTurn SlowDown(IncomingMessage message)
    {
        var identity = _identities.Get(message.IdentityId);
        var member = identity?.MemberId is { } memberId ? _members.ById(memberId) : null;
        var texts = Texts.For(member?.Language ?? identity?.Language ?? Languages.FromHint(message.LanguageHint));
        var notice = texts["RateLimits.Chat.TooMany"];
        return new ConversationTurn
        {
            Replies = [ChatMessage.Plain(notice)],
            ButtonNotice = message.ButtonPayload is null ? null : notice,
            Language = texts.Language,
        };
    }

    private async Task<ConversationTurn> RouteAsync(ChatContext context)
    {
        var message = context.Message;
        var dialog = _dialogs.Get(context.Identity.Id);
        var expired = dialog is not null && dialog.ExpiresAt <= context.Now;
        if (expired)
        {
            await _dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
            dialog = null;
        }

        if (message.ButtonPayload is { } payload)
        {
            var separator = payload.IndexOf(':');
            var prefix = separator < 0 ? payload : payload[..separator];
            var args = separator < 0 ? string.Empty : payload[(separator + 1)..];
            if (!_byPrefix.TryGetValue(prefix, out var handler))
            {
                return context.Notice(context.Texts["Common.StaleButton"]);
            }

            return await RunAsync(handler, context with { Dialog = dialog?.Flow == prefix ? dialog : null }, new ChatInput.Button(args));
        }

        var text = message.Text?.Trim() ?? string.Empty;
        if (text.StartsWith('/'))
        {
            var (name, args) = ParseCommand(text);
            if (!_byCommand.TryGetValue(name, out var handler))
            {
                return context.Reply(ChatMessage.Plain(context.Texts["Common.UnknownCommand"]));
            }

            if (dialog is not null && dialog.Flow != handler.ButtonPrefix)
            {
                await _dialogs.ClearAsync(context.Identity.Id, context.CancellationToken);
                dialog = null;
            }

            return await RunAsync(handler, context with { Dialog = dialog }, new ChatInput.Command(name, args));
        }

        if (dialog is not null && _byPrefix.TryGetValue(dialog.Flow, out var owner))
        {
            ChatInput input = message switch
            {
                { ContactPhone: { } phone } => new ChatInput.Contact(phone),
                { Attachment: { } file } => new ChatInput.Attachment(file),
                _ => new ChatInput.Text(text),
            };
            return await RunAsync(owner, context with { Dialog = dialog }, input);
        }

        if (expired)
        {
            return context.Reply(ChatMessage.Plain(context.Texts["Common.DialogExpired"]));
        }

        // A photo or file outside a dialog that asked for one: nothing to answer (as before attachments reached the engine).
        if (message.Attachment is not null)
        {
            return ConversationTurn.Nothing;
        }

        if (context.Member is null)
        {
            if (JoinCodesLookLike(text))
            {
                return await _join.TryCodeAsync(context, text);
            }

            // Another flow's code typed by hand, e.g. a referral code in Teams or the terminal chat.
            return _typedCodes.FirstOrDefault(flow => flow.IsTypedCode(text)) is { } typed
                ? await typed.HandleAsync(context, text)
                : _join.HowToJoin(context);
        }

        if (!message.IsPrivate)
        {
            return ConversationTurn.Nothing;
        }

        // A linked member's plain text is no command: a pointer to the commands and buttons. Join codes are not looked
        // up here (the answer would tell whether a code is live without counting a failed attempt).
        return context.Reply(ChatMessage.Plain(context.Texts["Chat.NotACommand"]));
    }

    private async Task<ConversationTurn> RunAsync(IChatHandler handler, ChatContext context, ChatInput input)
    {
        if (handler.Access != HandlerAccess.Anyone)
        {
            if (context.Member is null)
            {
                return _join.HowToJoin(context);
            }

            if (context.Member.Status == MemberStatus.Blocked)
            {
                return context.Reply(ChatMessage.Plain(context.Texts["Member.Blocked"]));
            }

            if (handler.Access is HandlerAccess.Personal or HandlerAccess.Manager && !context.Message.IsPrivate)
            {
                return context.Reply(ChatMessage.Plain(context.Texts["Group.PrivateOnly"]));
            }

            if (handler.Access == HandlerAccess.Manager && !context.Member.IsManager)
            {
                return context.Reply(ChatMessage.Plain(context.Texts["Common.ManagersOnly"]));
            }
        }

        return await handler.HandleAsync(context, input);
    }

    private static bool JoinCodesLookLike(string text) => Core.Joining.JoinCodes.LooksLikeCode(text);

    /// <summary>"/Balance@loyalty_bot 2" → ("balance", "2").</summary>
    internal static (string Name, string Args) ParseCommand(string text)
    {
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        var args = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            head = head[..at];
        }

        return (head.ToLowerInvariant(), args);
    }
}
