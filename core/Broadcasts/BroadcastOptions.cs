namespace LoyaltyBot.Core.Broadcasts;

/// <summary>Configuration section <c>Broadcasts</c>.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>How often the broadcast clock looks for due campaigns, progress and finished ones (0 = never).</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>Members looked at per expansion transaction.</summary>
    public int ExpansionChunk { get; set; } = 1000;

    /// <summary>At most one progress update to the manager this often.</summary>
    public int ProgressSeconds { get; set; } = 3;

    /// <summary>Every recipient's outbox message holds a copy, so keep images small.</summary>
    public int MaxImageBytes { get; set; } = 512 * 1024;
}
