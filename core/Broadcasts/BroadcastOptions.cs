namespace LoyaltyBot.Core.Broadcasts;

/// <summary>Configuration section <c>Broadcasts</c>.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Members looked at per expansion transaction.</summary>
    public int ExpansionChunk { get; set; } = 1000;

    /// <summary>
    /// While a campaign is sending, its job runs this often: at most one progress update to the manager, and the campaign
    /// is finished (with the final report) at most this long after its last delivery.
    /// </summary>
    public int ProgressSeconds { get; set; } = 3;

    /// <summary>Every recipient's outbox message holds a copy, so keep images small.</summary>
    public int MaxImageBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Deliveries a campaign queued for a channel that has no sender in this process (the API was restarted without it)
    /// wait this long after the campaigns' first run here, in case the channel comes back, and are then counted as skipped.
    /// Recipients on such a channel when the audience is expanded are skipped at once.
    /// </summary>
    public int NoSenderGraceMinutes { get; set; } = 10;
}
