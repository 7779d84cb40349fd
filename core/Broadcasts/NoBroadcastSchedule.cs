namespace LoyaltyBot.Core.Broadcasts;

/// <summary>
/// For hosts without a scheduler (the terminal chat, which shares the API's store): nothing is sent by itself; the API
/// host picks stored campaigns up when it starts, and <see cref="BroadcastDispatch.RunAsync"/> can still be called directly.
/// </summary>
internal sealed class NoBroadcastSchedule : IBroadcastSchedule
{
    public Task ScheduleAsync(Broadcast broadcast, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnscheduleAsync(string broadcastId, CancellationToken cancellationToken) => Task.CompletedTask;
}
