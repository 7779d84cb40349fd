namespace LoyaltyBot.Core.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the LiteDB file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/loyalty.db";

    public const int DefaultCheckpointPages = 1_000;

    /// <summary>
    /// Committed 8 KiB pages the log file (<c>name-log.db</c>) holds before they are copied into the data file.
    /// Writes wait while a checkpoint runs (~20 ms per 1,000 pages here), so the default keeps that pause short;
    /// a bulk import may raise it (20,000: batch ingestion ~+30 %, pauses up to ~0.4 s).
    /// </summary>
    public int CheckpointPages { get; set; } = DefaultCheckpointPages;

    /// <summary>Most operations committed in one transaction.</summary>
    public int MaxBatch { get; set; } = 2048;

    public const int DefaultMaxTransactionPages = 12_000;

    /// <summary>
    /// Pages (8 KiB) one transaction may hold in memory before the writer commits and goes on in a new one. LiteDB
    /// keeps every page a transaction reads or changes until it commits, and its cache never shrinks, so this bounds
    /// the process's memory: on a big store each sale touches pages nobody else does (its member, the middle of big
    /// indexes). Checked after each operation; a small store never reaches it.
    /// </summary>
    public int MaxTransactionPages { get; set; } = DefaultMaxTransactionPages;
}
