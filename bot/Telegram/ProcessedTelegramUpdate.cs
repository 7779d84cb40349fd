namespace LoyaltyBot.Bot.Telegram;

/// <summary>A Telegram update we have taken on; Telegram redelivers updates, and we act on each only once.</summary>
public sealed record ProcessedTelegramUpdate
{
    /// <summary>Telegram's <c>update_id</c>.</summary>
    public required long Id { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
