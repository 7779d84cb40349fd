namespace LoyaltyBot.Core.Broadcasts;

/// <summary>Where a campaign stands. <see cref="Finished"/> and <see cref="Cancelled"/> are final.</summary>
public enum BroadcastStatus
{
    /// <summary>Being composed (the chat flow keeps its draft in the dialog; the API never stores one).</summary>
    Draft,

    /// <summary>Waiting for its send time.</summary>
    Scheduled,

    /// <summary>Its audience is being (or was) queued in the outbox and deliveries are under way.</summary>
    Sending,

    /// <summary>Nothing of it is waiting any more.</summary>
    Finished,

    /// <summary>A manager stopped it; what was not yet sent will not be.</summary>
    Cancelled,
}
