using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bench;

/// <summary>Size of a LiteDB store on disk: the data file and its <c>-log</c> file.</summary>
internal sealed record FileSizes(long DataBytes, long LogBytes)
{
    public long TotalBytes => DataBytes + LogBytes;

    public double TotalMiB => Math.Round(TotalBytes / 1024.0 / 1024.0, 1);

    public static FileSizes Of(string databasePath) => new(SizeOf(databasePath), SizeOf(LiteStore.LogFileOf(databasePath)));

    /// <summary>Deletes the data file, its log, lock and seed-info files.</summary>
    public static void Delete(string databasePath)
    {
        foreach (var path in new[] { databasePath, LiteStore.LogFileOf(databasePath), databasePath + ".lock", ScaleSeedInfo.PathOf(databasePath) })
        {
            File.Delete(path);
        }
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
