using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Sales;

internal sealed class SalesSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Sale>("sales")
        .DropIndex<Sale>(nameof(Sale.MemberId));
}
