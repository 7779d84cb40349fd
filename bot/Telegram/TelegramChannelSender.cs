using System.Globalization;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// Delivers outbox messages to Telegram chats. One attempt per call: the client's own 429 retry is off
/// (<c>RetryThreshold = 0</c>), so a 429 comes back as <see cref="DeliveryResult.RetryAfter"/> for the outbox to honour.
/// </summary>
/// <remarks>A text split into several parts is one delivery: if a later part fails, a retry sends the earlier parts again.</remarks>
public sealed class TelegramChannelSender(TelegramBot bot, TelegramMessageRenderer renderer) : IChannelSender
{
    public const string ChannelName = "telegram";

    /// <summary>
    /// Telegram's published limits: about 30 messages a second overall, one a second per chat. The concurrency only bounds
    /// sends in flight (a send is in flight until its outcome is durable), so it is high enough never to be what limits the rate.
    /// </summary>
    public static readonly ChannelLimits TelegramLimits = new(30, TimeSpan.FromSeconds(1), MaxConcurrency: 32);

    public string Channel => ChannelName;

    public ChannelLimits Limits => TelegramLimits;

    /// <summary>Without a bot token nothing can be sent: messages for Telegram chats wait (personal) or are skipped (campaigns).</summary>
    public bool IsAvailable => bot.IsEnabled;

    public async Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken)
    {
        if (!bot.IsEnabled)
        {
            return new DeliveryResult.Transient("Telegram is not configured (no Telegram:BotToken).");
        }

        if (!long.TryParse(recipient.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryResult.Rejected($"'{recipient.ChatId}' is not a Telegram chat id.");
        }

        try
        {
            var messageId = await renderer.DeliverAsync(chatId, message, removeReplyKeyboard: false, cancellationToken);
            return new DeliveryResult.Sent(messageId?.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (TelegramErrors.IsChannelFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            return TelegramErrors.ToDeliveryResult(exception);
        }
    }
}
