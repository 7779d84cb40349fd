namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// The clock that sends campaigns (Quartz.NET in the API host). The store stays the source of truth: the job is derived
/// from the campaign's stored state and can be rebuilt from it at any time (the API does so at startup).
/// </summary>
public interface IBroadcastSchedule
{
    /// <summary>
    /// (Re)builds the campaign's job from its current state: a scheduled one fires at its send time (at once when that
    /// has passed), a sending one at once; both then fire every <see cref="BroadcastOptions.ProgressSeconds"/> for the
    /// manager's progress until the campaign is finished. A finished or cancelled campaign gets no job.
    /// </summary>
    Task ScheduleAsync(Broadcast broadcast, CancellationToken cancellationToken);

    Task UnscheduleAsync(string broadcastId, CancellationToken cancellationToken);
}
