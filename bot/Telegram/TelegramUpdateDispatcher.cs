using System.Globalization;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// The one place that knows Telegram updates: it drops duplicates, normalises an update to an
/// <see cref="IncomingMessage"/>, asks the conversation engine, and sends the replies straight back (not
/// through the outbox). Never throws: a failing update is logged, so neither the webhook nor the poll loop
/// makes Telegram redeliver it forever. Resolve one per update, from its own DI scope.
/// </summary>
public sealed class TelegramUpdateDispatcher(
    TelegramBot bot,
    TelegramUpdateLog updateLog,
    IConversationEngine engine,
    TelegramMessageRenderer renderer,
    ChatIdentities identities,
    ILogger<TelegramUpdateDispatcher> logger)
{
    /// <summary>The update kinds we ask Telegram for (setWebhook and getUpdates).</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>Longest wait for Telegram's flood control before an inline reply is dropped instead.</summary>
    internal static readonly TimeSpan MaxInlineRetryAfter = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Id <= 0 || !AllowedUpdates.Contains(update.Type))
        {
            // Nothing we asked for, or not an update at all ("{}"; Telegram's update ids are positive): not worth a record.
            logger.LogDebug("Telegram update {UpdateId} of type {Type} ignored", update.Id, update.Type);
            return;
        }

        try
        {
            if (!await updateLog.TryClaimAsync(update.Id, cancellationToken))
            {
                logger.LogDebug("Telegram update {UpdateId} was already handled; ignored", update.Id);
                return;
            }

            await DispatchAsync(update, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopped while handling Telegram update {UpdateId}", update.Id);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Handling Telegram update {UpdateId} failed", update.Id);
        }
    }

    private async Task DispatchAsync(Update update, CancellationToken cancellationToken)
    {
        // Only a command addressed with @name needs our username; ask getMe only then, if it is not known yet.
        var username = update.Message?.Text is ['/', ..] typed && CommandName(typed).Contains('@')
            ? await bot.GetUsernameAsync(cancellationToken)
            : bot.Username;

        await (update switch
        {
            { CallbackQuery: { } query } => HandleButtonAsync(query, cancellationToken),

            { Message: { From: { IsBot: false } from, Contact: { } contact, Chat.Type: ChatType.Private } message }
                when contact.UserId == from.Id =>
                ReplyAsync(Incoming(message, from) with { ContactPhone = contact.PhoneNumber }, removeReplyKeyboard: true, cancellationToken),

            // A photo (the largest size Telegram made of it) or a file, e.g. the image of a broadcast; the caption is not a command.
            { Message: { From: { IsBot: false } from, Photo: [_, ..] photos, Chat.Type: ChatType.Private } message } =>
                ReplyAsync(Incoming(message, from) with { Attachment = Attachment(Largest(photos), "photo.jpg") }, removeReplyKeyboard: false, cancellationToken),

            { Message: { From: { IsBot: false } from, Document: { } document, Chat.Type: ChatType.Private } message } =>
                ReplyAsync(Incoming(message, from) with { Attachment = Attachment(document, document.FileName ?? "file") }, removeReplyKeyboard: false, cancellationToken),

            { Message: { From: { IsBot: false } from, Text: { } text, Chat.Type: ChatType.Private } message } =>
                ReplyAsync(Incoming(message, from) with { Text = AddressedCommand(text, username) ?? text }, removeReplyKeyboard: false, cancellationToken),

            // In groups only commands addressed to us: "/balance", or "/balance@our_bot" but not "/balance@other_bot".
            { Message: { From: { IsBot: false } from, Text: ['/', ..] text } message } when AddressedCommand(text, username) is { } command =>
                ReplyAsync(Incoming(message, from) with { Text = command }, removeReplyKeyboard: false, cancellationToken),

            { MyChatMember: { Chat.Type: ChatType.Private, NewChatMember.Status: ChatMemberStatus.Kicked } blocked } =>
                MarkUnreachableAsync(IdentityOf(blocked.From.Id), cancellationToken),

            _ => Ignore(update),
        });
    }

    /// <summary>
    /// The command with our own @username suffix removed ("/balance@loyalty_bot 5" → "/balance 5"); null for a
    /// command addressed to another bot (or to a username we do not know yet); the text unchanged otherwise.
    /// </summary>
    internal static string? AddressedCommand(string text, string? username)
    {
        if (!text.StartsWith('/'))
        {
            return text;
        }

        var name = CommandName(text);
        var at = name.IndexOf('@');
        if (at < 0)
        {
            return text;
        }

        return username is not null && name.AsSpan(at + 1).Equals(username, StringComparison.OrdinalIgnoreCase)
            ? string.Concat(name.AsSpan(0, at), text.AsSpan(name.Length))
            : null;
    }

    private static string CommandName(string text)
    {
        var end = text.AsSpan().IndexOfAny(' ', '\n', '\t');
        return end < 0 ? text : text[..end];
    }

    private async Task HandleButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var answered = false;
        try
        {
            if (query.Data is not { Length: > 0 } data)
            {
                return;
            }

            var chat = query.Message?.Chat;
            var incoming = new IncomingMessage
            {
                Channel = TelegramChannelSender.ChannelName,
                ChannelUserId = Id(query.From.Id),
                ChatId = Id(chat?.Id ?? query.From.Id),
                IsPrivate = chat is null || chat.Type == ChatType.Private,
                ButtonPayload = data,
                SourceMessageId = query.Message is { } source ? Id(source.Id) : null,
                LanguageHint = query.From.LanguageCode,
                DisplayName = DisplayName(query.From),
            };
            var turn = await engine.HandleAsync(incoming, cancellationToken);

            // Answer before the replies go out, so the button's spinner stops at once.
            answered = true;
            await AnswerButtonAsync(query.Id, turn.ButtonNotice, cancellationToken);
            await SendRepliesAsync(incoming, turn, removeReplyKeyboard: false, cancellationToken);
        }
        finally
        {
            if (!answered)
            {
                await AnswerButtonAsync(query.Id, null, CancellationToken.None);
            }
        }
    }

    private async Task AnswerButtonAsync(string queryId, string? notice, CancellationToken cancellationToken)
    {
        try
        {
            await bot.Client.AnswerCallbackQuery(queryId, notice, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception))
        {
            // A query older than ~15 s can no longer be answered; the replies still go out.
            logger.LogWarning("answerCallbackQuery failed: {Reason}", TelegramErrors.Describe(exception));
        }
    }

    private async Task ReplyAsync(IncomingMessage incoming, bool removeReplyKeyboard, CancellationToken cancellationToken)
    {
        var turn = await engine.HandleAsync(incoming, cancellationToken);
        await SendRepliesAsync(incoming, turn, removeReplyKeyboard, cancellationToken);
    }

    private async Task SendRepliesAsync(IncomingMessage incoming, ConversationTurn turn, bool removeReplyKeyboard, CancellationToken cancellationToken)
    {
        var chatId = long.Parse(incoming.ChatId, CultureInfo.InvariantCulture);
        foreach (var reply in turn.Replies)
        {
            if (!await SendReplyAsync(chatId, reply, removeReplyKeyboard, cancellationToken))
            {
                // 403: the user blocked the bot (or removed it from the group); the rest would fail the same way.
                if (incoming.IsPrivate)
                {
                    await MarkUnreachableAsync(incoming.IdentityId, cancellationToken);
                }

                return;
            }

            removeReplyKeyboard = false;
        }
    }

    /// <summary>Best effort, like the outbox: false only when the chat is blocked.</summary>
    private async Task<bool> SendReplyAsync(long chatId, ChatMessage reply, bool removeReplyKeyboard, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await renderer.DeliverAsync(chatId, reply, removeReplyKeyboard, cancellationToken);
                return true;
            }
            catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                if (TelegramErrors.IsBlocked(exception))
                {
                    logger.LogInformation("Telegram chat {ChatId} blocked the bot; reply dropped", chatId);
                    return false;
                }

                if (TelegramErrors.RetryAfter(exception) is { } wait && wait <= MaxInlineRetryAfter && attempt == 1)
                {
                    // Real time on purpose: Telegram's flood control runs on the wall clock, not on the injected TimeProvider.
                    await Task.Delay(wait, cancellationToken);
                    continue;
                }

                logger.LogWarning("Reply to Telegram chat {ChatId} dropped: {Reason}", chatId, TelegramErrors.Describe(exception));
                return true;
            }
        }
    }

    private async Task MarkUnreachableAsync(string identityId, CancellationToken cancellationToken)
    {
        await identities.MarkUnreachableAsync(identityId, cancellationToken);
        logger.LogInformation("Telegram identity {IdentityId} blocked the bot; marked unreachable", identityId);
    }

    private Task Ignore(Update update)
    {
        logger.LogDebug("Telegram update {UpdateId} of type {Type} ignored", update.Id, update.Type);
        return Task.CompletedTask;
    }

    private static IncomingMessage Incoming(Message message, User from) => new()
    {
        Channel = TelegramChannelSender.ChannelName,
        ChannelUserId = Id(from.Id),
        ChatId = Id(message.Chat.Id),
        IsPrivate = message.Chat.Type == ChatType.Private,
        LanguageHint = from.LanguageCode,
        DisplayName = DisplayName(from),
    };

    private static PhotoSize Largest(PhotoSize[] photos) => photos.MaxBy(p => (long)p.Width * p.Height)!;

    /// <summary>Downloads only when a handler asks: getFile, then the file itself, refused when Telegram reports it too large.</summary>
    private IncomingAttachment Attachment(FileBase file, string name) => new()
    {
        FileName = name,
        Size = file.FileSize,
        Download = async (maxBytes, cancellationToken) =>
        {
            var info = await bot.Client.GetFile(file.FileId, cancellationToken);
            if (info.FilePath is null || info.FileSize > maxBytes)
            {
                return null;
            }

            using var bytes = new MemoryStream();
            await bot.Client.DownloadFile(info.FilePath, bytes, cancellationToken);
            return bytes.ToArray();
        },
    };

    private static string IdentityOf(long userId) => ChatIdentity.KeyOf(TelegramChannelSender.ChannelName, Id(userId));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string DisplayName(User user) =>
        string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
}
