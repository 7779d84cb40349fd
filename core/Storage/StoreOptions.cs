namespace LoyaltyBot.Core.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the LiteDB file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/loyalty.db";

    /// <summary>Most operations committed in one transaction.</summary>
    public int MaxBatch { get; set; } = 2048;
}
