using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Conversations;

internal sealed class DialogSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema.Collection<DialogState>("dialogs");
}
