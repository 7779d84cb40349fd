using System.Globalization;
using LoyaltyBot.Core.Chat;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// Renders a <see cref="ChatMessage"/> as Bot API calls: HTML text split to Telegram's limits, keyboards, a photo
/// with a caption, or an edit of an earlier message. Throws the client's exceptions; callers map them.
/// </summary>
public sealed class TelegramMessageRenderer(TelegramBot bot, ILogger<TelegramMessageRenderer> logger)
{
    /// <summary>Sends (or edits) the message; returns the id of the last Telegram message it produced.</summary>
    /// <param name="removeReplyKeyboard">Hide a reply keyboard left from an earlier message (after the user shared a contact).</param>
    public async Task<int?> DeliverAsync(long chatId, ChatMessage message, bool removeReplyKeyboard, CancellationToken cancellationToken)
    {
        var client = bot.Client;
        var markup = TelegramMarkup.For(message.Buttons) ?? (removeReplyKeyboard ? new ReplyKeyboardRemove() : null);
        var html = message.Text.Html;
        IReadOnlyList<string> parts = string.IsNullOrWhiteSpace(html) ? [] : TelegramTextSplitter.Split(html);

        if (message.Image is { } image)
        {
            var captioned = parts.Count == 1 && parts[0].Length <= TelegramTextSplitter.CaptionLimit;
            var photo = await SendPhotoAsync(client, chatId, image, captioned ? parts[0] : null, captioned || parts.Count == 0 ? markup : null, cancellationToken);
            return captioned || parts.Count == 0 ? photo.Id : await SendPartsAsync(client, chatId, parts, markup, cancellationToken);
        }

        if (message.ReplaceMessageId is { } replace
            && int.TryParse(replace, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)
            && markup is null or InlineKeyboardMarkup
            && parts.Count > 0)
        {
            if (await TryEditAsync(client, chatId, messageId, parts[0], parts.Count == 1 ? markup as InlineKeyboardMarkup : null, cancellationToken))
            {
                return parts.Count == 1 ? messageId : await SendPartsAsync(client, chatId, parts.Skip(1).ToArray(), markup, cancellationToken);
            }
        }

        return await SendPartsAsync(client, chatId, parts, markup, cancellationToken);
    }

    private static async Task<Message> SendPhotoAsync(
        ITelegramBotClient client, long chatId, ChatImage image, string? caption, ReplyMarkup? markup, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(image.Bytes, writable: false);
        return await client.SendPhoto(
            chatId,
            InputFile.FromStream(stream, image.FileName),
            caption: caption,
            parseMode: caption is null ? ParseMode.None : ParseMode.Html,
            replyMarkup: markup,
            cancellationToken: cancellationToken);
    }

    private static async Task<int?> SendPartsAsync(
        ITelegramBotClient client, long chatId, IReadOnlyList<string> parts, ReplyMarkup? markup, CancellationToken cancellationToken)
    {
        int? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var sent = await client.SendMessage(
                chatId,
                parts[i],
                ParseMode.Html,
                replyMarkup: i == parts.Count - 1 ? markup : null,
                cancellationToken: cancellationToken);
            last = sent.Id;
        }

        return last;
    }

    /// <summary>
    /// Edits the text in place. False when Telegram refuses the edit (too old, deleted, a photo): the caller then
    /// sends a new message, and the old one loses its buttons so they cannot be pressed again.
    /// </summary>
    private async Task<bool> TryEditAsync(
        ITelegramBotClient client, long chatId, int messageId, string text, InlineKeyboardMarkup? markup, CancellationToken cancellationToken)
    {
        try
        {
            await client.EditMessageText(chatId, messageId, text, ParseMode.Html, replyMarkup: markup, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception exception) when (TelegramErrors.IsNotModified(exception))
        {
            return true;
        }
        catch (Exception exception) when (exception is ApiRequestException { ErrorCode: 400 })
        {
            logger.LogDebug("Editing message {MessageId} failed ({Reason}); sending a new one", messageId, TelegramErrors.Describe(exception));
        }

        try
        {
            await client.EditMessageReplyMarkup(chatId, messageId, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Removing the buttons of message {MessageId} failed ({Reason})", messageId, TelegramErrors.Describe(exception));
        }

        return false;
    }
}
