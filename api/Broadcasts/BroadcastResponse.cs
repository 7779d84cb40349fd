using LoyaltyBot.Core.Broadcasts;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary>A campaign with its delivery counts (from the outbox: queued includes the one being sent right now).</summary>
public sealed record BroadcastResponse(
    string Id,
    BroadcastStatus Status,
    BroadcastText Text,
    bool HasImage,
    BroadcastLink? Button,
    BroadcastAudience Audience,
    DateTimeOffset SendAt,
    int Recipients,
    BroadcastCounts Counts,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? CancelledAt)
{
    public static BroadcastResponse From(Broadcast broadcast, BroadcastCounts counts) => new(
        broadcast.Id,
        broadcast.Status,
        broadcast.Text,
        broadcast.Image is not null,
        broadcast.Link,
        broadcast.Audience,
        broadcast.SendAt,
        broadcast.ExpandedAt is null ? broadcast.Recipients : broadcast.Queued,
        counts,
        broadcast.CreatedBy,
        broadcast.CreatedAt,
        broadcast.StartedAt,
        broadcast.FinishedAt,
        broadcast.CancelledAt);
}
