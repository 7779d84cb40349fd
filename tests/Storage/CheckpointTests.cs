using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoyaltyBot.Tests.Storage;

public sealed class CheckpointTests
{
    private const int PageSize = 8192;

    [Fact]
    public async Task The_log_file_is_copied_into_the_data_file_once_it_holds_the_configured_number_of_pages()
    {
        var (shortLog, longLog) = (await LogPagesAfter300Commits(checkpointPages: 100), await LogPagesAfter300Commits(checkpointPages: 20_000));

        Assert.True(shortLog <= 100 + 10, $"log held {shortLog} pages with a 100-page checkpoint");
        Assert.True(longLog > 110, $"log held only {longLog} pages with a 20,000-page checkpoint");
    }

    [Fact]
    public void The_checkpoint_size_defaults_to_a_thousand_pages_so_checkpoint_pauses_stay_short()
    {
        Assert.Equal(1_000, new StoreOptions().CheckpointPages);
    }

    private static async Task<long> LogPagesAfter300Commits(int checkpointPages)
    {
        using var folder = new TempFolder();
        var path = folder.File("loyalty.db");
        using var store = new LiteStore(path, [new MemberSchema()], checkpointPages);
        using var writer = new StoreWriter(store, new StoreOptions(), NullLogger<StoreWriter>.Instance);
        for (var i = 0; i < 300; i++)
        {
            var id = $"m{i:D4}";
            await writer.WriteAsync(s =>
            {
                s.Set<Member>().Insert(new Member { Id = id, ExternalId = id.ToUpperInvariant(), Name = "Dealer " + id, Tier = "Bronze" });
                return 0;
            });
        }

        return new FileInfo(LiteStore.LogFileOf(path)).Length / PageSize;
    }
}
