namespace LoyaltyBot.Bot.Telegram;

/// <summary>Configuration section <c>Telegram</c>. Without a <see cref="BotToken"/> nothing Telegram-related starts.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public const string PublicApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token from @BotFather (<c>123456:ABC…</c>). Secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Scheme and host of the Bot API; tests point it at a fake. Any path is ignored by the client.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary><c>webhook</c> or <c>polling</c>; when unset, webhook if <see cref="WebhookUrl"/> is set, else polling.</summary>
    public TelegramMode? Mode { get; set; }

    /// <summary>
    /// Telegram sends it in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook call (1–256 of <c>A-Z a-z 0-9 _ -</c>).
    /// Webhook mode requires it: without it the webhook endpoint refuses everything. Secret: never logged.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The public HTTPS address of <c>POST /telegram/webhook</c>, registered with setWebhook on start.</summary>
    public string? WebhookUrl { get; set; }

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public TelegramMode EffectiveMode => Mode ?? (string.IsNullOrWhiteSpace(WebhookUrl) ? TelegramMode.Polling : TelegramMode.Webhook);

    public string EffectiveApiBaseUrl => string.IsNullOrWhiteSpace(ApiBaseUrl) ? PublicApiBaseUrl : ApiBaseUrl.Trim();
}
