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

        IDisposable? hold = null;
        try
        {
            await writer.WriteAsync(_ =>
            {
                hold = store.HoldDataFileWrites();
                var log = LiteStore.LogFileOf(store.FilePath);
                if (File.Exists(log))
                {
                    File.Copy(log, LiteStore.LogFileOf(partial));
                }

                return true;
            }, cancellationToken);

            File.Copy(store.FilePath, partial);
        }
        finally
        {
            hold?.Dispose();
        }

        try
        {
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
