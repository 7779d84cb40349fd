namespace LoyaltyBot.Bot.Telegram;

/// <summary>How updates reach us: Telegram calls our webhook, or we long-poll getUpdates.</summary>
public enum TelegramMode
{
    Webhook,
    Polling,
}
