using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Backups;

/// <summary>While a backup copies the data file, commits go on into the log; only a checkpoint waits for the copy.</summary>
public sealed class BackupWriteHoldTests
{
    [Fact]
    public async Task Sales_commit_while_the_data_file_is_held_and_a_checkpoint_waits_for_the_release()
    {
        using var core = new CoreHarness();
        Assert.True((await core.Members.EnrolAsync(new("D-1", "Dealer"), CancellationToken.None)).IsSuccess);
        var hold = core.Store.HoldDataFileWrites();
        var length = new FileInfo(core.Store.FilePath).Length;

        var sale = core.Sales.RecordAsync(new("S-1", "D-1", "SKU-1", 10, core.Clock.GetUtcNow()), "test", CancellationToken.None);
        Assert.Same(sale, await Task.WhenAny(sale, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True((await sale).IsSuccess);

        var checkpoint = Task.Run(() => core.Store.Database.Checkpoint());
        await Task.Delay(300);
        Assert.False(checkpoint.IsCompleted);
        Assert.Equal(length, new FileInfo(core.Store.FilePath).Length);

        hold.Dispose();
        Assert.Same(checkpoint, await Task.WhenAny(checkpoint, Task.Delay(TimeSpan.FromSeconds(10))));
        await checkpoint;
    }
}
