using LoyaltyBot.Core.Backups;
using LoyaltyBot.Core.Ledger;
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

    [Fact]
    public async Task A_backup_whose_own_commit_falls_due_for_a_checkpoint_still_finishes()
    {
        using var folder = new TempFolder();
        using var core = new CoreHarness();
        var backups = new StoreBackups(core.Store, core.Writer, new BackupOptions { Directory = folder.File("backups") }, core.Clock);
        using var gate = new ManualResetEventSlim();

        // Hold the writer, so that a big write (past the 1,000-page checkpoint threshold) and the backup's operation
        // are queued together and commit as one batch: the commit's checkpoint then falls inside the backup.
        var blocker = core.Writer.WriteAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        var big = core.Writer.WriteAsync(store =>
        {
            store.Set<LedgerEntry>().InsertMany(Enumerable.Range(1, 20_000).Select(i => new LedgerEntry
            {
                Id = i,
                MemberId = "m",
                Amount = 1,
                Reason = new string('r', 300),
                SourceRef = $"test:{i}",
                IdempotencyKey = $"test:{i}",
                Actor = "system",
            }));
            return true;
        });
        var backup = backups.CreateAsync(CancellationToken.None);
        gate.Set();

        var all = Task.WhenAll(blocker, big, backup);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60))));
        var copy = await backup;
        Assert.True(new FileInfo(copy.Path).Length > 0);
    }
}
