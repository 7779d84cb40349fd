using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Storage;

public sealed class StoreUpgradeTests
{
    [Fact]
    public void An_upgrade_that_fails_writes_nothing_of_its_transaction_and_leaves_the_file_free_to_open_again()
    {
        using var folder = new TempFolder();
        var path = folder.File("loyalty.db");
        var failing = new UpgradeSchema(upgrade => upgrade.InTransaction(store =>
        {
            store.Set<Member>().Insert(new Member { Id = "m-1", ExternalId = "M-1", Name = "Dealer", Tier = "Bronze" });
            throw new InvalidOperationException("upgrade failed");
        }));

        var error = Assert.Throws<InvalidOperationException>(() => new LiteStore(path, [new MemberSchema(), failing]));
        Assert.Equal("upgrade failed", error.Message);

        var ran = 0;
        using var store = new LiteStore(path, [new MemberSchema(), new UpgradeSchema(_ => ran++)]);
        Assert.Equal(1, ran);
        Assert.Null(store.Set<Member>().Get("m-1"));
    }

    private sealed class UpgradeSchema(Action<StoreUpgrade> upgrade) : IStoreSchema
    {
        public void Configure(StoreSchemaBuilder schema) => schema.Upgrade(upgrade);
    }
}
