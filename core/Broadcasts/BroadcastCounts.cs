namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// The campaign's deliveries by outcome, read from its outbox messages. <see cref="Queued"/> includes the one
/// being sent right now; <see cref="Unknown"/> were in flight when the process stopped and are never resent;
/// <see cref="Skipped"/> were for a channel that had no sender in the process that sends campaigns.
/// </summary>
public sealed record BroadcastCounts(int Queued, int Sent, int Blocked, int Failed, int Unknown, int Cancelled, int Skipped)
{
    public static BroadcastCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Deliveries with a final outcome (not cancelled).</summary>
    public int Handled => Sent + Blocked + Failed + Unknown + Skipped;
}
