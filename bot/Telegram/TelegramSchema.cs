using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Telegram;

internal sealed class TelegramSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<ProcessedTelegramUpdate>("telegram_updates")
        .Index<ProcessedTelegramUpdate, DateTimeOffset>(u => u.ReceivedAt);
}
