using LiteDB;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Backups;

/// <summary>
/// Consistent copies of the database while the service runs. Inside a write operation — the writer thread runs one
/// operation at a time and every earlier commit is already on disk, so the data file and its log are a consistent
/// pair at that moment (LiteDB only checkpoints on the writer thread) — the log is copied and writes to the data file
/// are held. The data file is then copied outside the writer: commits go on into the log meanwhile, and only a
/// checkpoint that falls due waits for the copy. The pair is finally merged into one file (a checkpoint of the copy).
/// </summary>
public sealed class StoreBackups(LiteStore store, IStoreWriter writer, BackupOptions options, TimeProvider time)
{
    public async Task<StoreBackup> CreateAsync(CancellationToken cancellationToken)
    {
        var directory = options.DirectoryFor(store.FilePath);
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow();
        var name = $"loyalty-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var partial = Path.Combine(directory, name + ".partial.db");
        var target = Path.Combine(directory, name + ".db");

        try
        {
            // The data file copy starts inside the operation and releases the hold itself: the commit that follows
            // the operation may fall due for a checkpoint, which waits for the release, so the release must not wait
            // for that commit.
            var dataCopy = await writer.WriteAsync(_ =>
            {
                var hold = store.HoldDataFileWrites();
                try
                {
                    var log = LiteStore.LogFileOf(store.FilePath);
                    if (File.Exists(log))
                    {
                        File.Copy(log, LiteStore.LogFileOf(partial), overwrite: true);
                    }
                }
                catch
                {
                    hold.Dispose();
                    throw;
                }

                return Task.Run(() =>
                {
                    using (hold)
                    {
                        File.Copy(store.FilePath, partial, overwrite: true);
                    }
                }, CancellationToken.None);
            }, cancellationToken);
            await dataCopy;

            using (var copy = new LiteDatabase(new ConnectionString { Filename = partial, Connection = ConnectionType.Direct }))
            {
                copy.Checkpoint();
            }

            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(LiteStore.LogFileOf(partial));
        }

        return new StoreBackup(target, new FileInfo(target).Length, now);
    }
}
